package dev.gaia.inference.llama;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import dev.gaia.inference.Cancellation;
import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.ChatTurn;
import dev.gaia.inference.EngineStats;
import dev.gaia.inference.GenerationRequest;
import dev.gaia.inference.GenerationResult;
import dev.gaia.inference.GenerationResult.FinishReason;
import dev.gaia.inference.ModelDescriptor;
import dev.gaia.inference.OutputConstraint;
import dev.gaia.inference.SamplingParams;
import dev.gaia.inference.TokenPiece;
import dev.gaia.inference.TokenSink;
import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ChatEngine} on {@code de.kherud:llama:4.2.0}, which embeds llama.cpp's own server loop
 * (slots, continuous batching, prompt cache) behind JNI.
 *
 * <p>Each {@link #generate} call blocks its thread in native code between tokens; callers must use
 * platform threads (a virtual thread would pin its carrier for the whole generation).
 *
 * <p>Token counting: llama.cpp sends one streamed result per generated token, except for tokens
 * that end inside a multi-byte UTF-8 character, which are merged with the next one; completion
 * token counts can therefore undercount by the number of such splits (never for ASCII output).
 */
final class LlamaJniEngine implements ChatEngine {
  private final LlamaEngineConfig config;
  private final LlamaModel model;
  private final ModelDescriptor descriptor;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong promptTokens = new AtomicLong();
  private final AtomicLong completionTokens = new AtomicLong();
  private final AtomicInteger active = new AtomicInteger();

  private LlamaJniEngine(LlamaEngineConfig config, LlamaModel model, ModelDescriptor descriptor) {
    this.config = config;
    this.model = model;
    this.descriptor = descriptor;
  }

  static LlamaJniEngine load(LlamaEngineConfig config) {
    ModelParameters params =
        new ModelParameters()
            .setModel(config.modelFile().toString())
            .setCtxSize(config.contextPerSlot() * config.parallel())
            .setParallel(config.parallel())
            .enableContBatching()
            .setThreads(config.threads())
            .setThreadsBatch(config.threads())
            .setBatchSize(config.batchSize())
            .setUbatchSize(config.ubatchSize())
            .disableLog()
            // Render templates with llama.cpp's Jinja engine: the GGUF's own template works even
            // when llama.cpp has no built-in twin for it, and Jinja overrides need it.
            .enableJinja();
    config.chatTemplate().ifPresent(params::setChatTemplate);
    if (!MemoryMapping.worthMapping(GgufFile.read(config.modelFile()).tensors())) {
      params.disableMmap();
    }
    LlamaModel model;
    try {
      model = new LlamaModel(params);
    } catch (RuntimeException e) {
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST,
          "llama.cpp could not load " + config.modelFile() + ": " + e.getMessage(),
          "chat",
          "model_load_failed",
          null,
          e);
    }
    long size;
    try {
      size = Files.size(config.modelFile());
    } catch (java.io.IOException e) {
      size = -1;
    }
    ModelDescriptor descriptor =
        new ModelDescriptor(
            config.modelId(),
            config.modelFile(),
            config.sha256(),
            size,
            config.architecture(),
            config.contextPerSlot(),
            config.chatTemplate().orElse("gguf"));
    return new LlamaJniEngine(config, model, descriptor);
  }

  @Override
  public ModelDescriptor model() {
    return descriptor;
  }

  @Override
  public int parallelSlots() {
    return config.parallel();
  }

  @Override
  public int[] tokenize(String text) {
    checkOpen();
    return model.encode(text);
  }

  @Override
  public String renderChat(List<ChatTurn> messages) {
    checkOpen();
    ObjectNode body = json.createObjectNode();
    ArrayNode array = body.putArray("messages");
    for (ChatTurn turn : messages) {
      array.addObject().put("role", turn.role()).put("content", turn.content());
    }
    try {
      return model.applyTemplate(body.toString());
    } catch (RuntimeException e) {
      rethrowUnlessBinding(e);
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST,
          "the chat template cannot render these messages: " + e.getMessage(),
          "messages",
          "template_error");
    }
  }

  @Override
  public GenerationResult generate(
      GenerationRequest request, TokenSink sink, Cancellation cancellation) {
    checkOpen();
    if (request.wantsLogprobs()) {
      // de.kherud:llama 4.2.0 reads llama.cpp's old probability format and aborts the whole
      // process on the current one, so refuse instead of crashing.
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST,
          "logprobs are not available with the llama-cpp-jni engine; send the request without logprobs.",
          "logprobs",
          "unsupported_parameter");
    }
    long start = System.nanoTime();
    int prompt = tokenize(request.prompt()).length + 1; // llama.cpp adds BOS when tokenizing
    if (prompt + 1 > config.contextPerSlot()) {
      throw new GaiaException(
          ErrorKind.CONTEXT_OVERFLOW,
          "This model's maximum context length is "
              + config.contextPerSlot()
              + " tokens, but the prompt has "
              + prompt
              + " tokens.",
          "messages",
          "context_length_exceeded");
    }
    int maxTokens = Math.min(request.maxTokens(), config.contextPerSlot() - prompt);
    InferenceParameters params = toParams(request, maxTokens);
    requests.incrementAndGet();
    active.incrementAndGet();
    int generated = 0;
    long firstToken = -1;
    FinishReason reason = FinishReason.STOP;
    LlamaIterator it = null;
    try {
      it = model.generate(params).iterator();
      while (it.hasNext()) {
        if (cancellation.isCancelled()) {
          reason = FinishReason.CANCELLED;
          break;
        }
        LlamaOutput out = it.next();
        boolean last = !it.hasNext();
        if (last && out.text.isEmpty()) {
          break; // the final result of a stream carries no token
        }
        generated++;
        if (firstToken < 0) {
          firstToken = System.nanoTime();
        }
        sink.accept(TokenPiece.of(out.text));
      }
      if (reason != FinishReason.CANCELLED && generated >= maxTokens) {
        reason = FinishReason.LENGTH;
      }
    } catch (RuntimeException e) {
      rethrowUnlessBinding(e);
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST, "generation failed: " + e.getMessage(), null, "engine_error");
    } finally {
      if (it != null && (reason == FinishReason.CANCELLED || it.hasNext())) {
        it.cancel();
      }
      active.decrementAndGet();
    }
    promptTokens.addAndGet(prompt);
    completionTokens.addAndGet(generated);
    long end = System.nanoTime();
    Duration ttft = Duration.ofNanos((firstToken < 0 ? end : firstToken) - start);
    return new GenerationResult(reason, prompt, generated, ttft, Duration.ofNanos(end - start));
  }

  private static InferenceParameters toParams(GenerationRequest request, int maxTokens) {
    SamplingParams s = request.sampling();
    InferenceParameters p =
        new InferenceParameters(request.prompt())
            .setNPredict(maxTokens)
            .setTemperature((float) s.temperature())
            .setTopP((float) s.topP())
            .setTopK(s.topK())
            .setMinP((float) s.minP())
            .setPresencePenalty((float) s.presencePenalty())
            .setFrequencyPenalty((float) s.frequencyPenalty())
            .setRepeatPenalty((float) s.repeatPenalty())
            .setSeed((int) (s.seed() & 0x7fffffffL))
            .setCachePrompt(true);
    if (!request.stop().isEmpty()) {
      p.setStopStrings(request.stop().toArray(String[]::new));
    }
    request.constraint().map(LlamaJniEngine::grammar).ifPresent(p::setGrammar);
    return p;
  }

  private static String grammar(OutputConstraint constraint) {
    return switch (constraint) {
      case OutputConstraint.AnyJsonObject any -> JsonGrammar.OBJECT;
      case OutputConstraint.JsonSchema schema -> {
        try {
          yield LlamaModel.jsonSchemaToGrammar(schema.schemaJson());
        } catch (RuntimeException e) {
          throw new GaiaException(
              ErrorKind.INVALID_REQUEST,
              "unsupported JSON schema: " + e.getMessage(),
              "response_format",
              "invalid_schema");
        }
      }
      case OutputConstraint.Gbnf gbnf -> gbnf.grammar();
    };
  }

  @Override
  public EngineStats stats() {
    return new EngineStats(requests.get(), promptTokens.get(), completionTokens.get(), active.get());
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      model.close();
    }
  }

  /** The binding's own exception type is package-private; anything else is a bug, rethrown. */
  private static void rethrowUnlessBinding(RuntimeException e) {
    if (!e.getClass().getName().equals("de.kherud.llama.LlamaException")) {
      throw e;
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new GaiaException(ErrorKind.UNAVAILABLE, "the model has been unloaded");
    }
  }
}
