package dev.gaia.inference;

import java.util.List;

/**
 * A loaded text-generation model, at the level of requests rather than of one binding's calls,
 * so that the JNI binding of today and the FFM engine of tomorrow can both stand behind it.
 *
 * <p>Thread-safety: every method may be called from many threads at once; the engine runs up to
 * {@link #parallelSlots()} generations concurrently and the caller (the node's slot scheduler) is
 * responsible for not starting more than that.
 */
public interface ChatEngine extends AutoCloseable {

  /** What was loaded: id, file, hash, context size, template. */
  ModelDescriptor model();

  /** How many generations can run at once (llama.cpp's parallel slots). */
  int parallelSlots();

  /** Token ids of {@code text} exactly as the model would see it (no BOS added). */
  int[] tokenize(String text);

  /**
   * Renders chat messages into the model's prompt text with its chat template (the GGUF's own
   * template, or the configured override), ending with the assistant turn's opening.
   */
  String renderChat(List<ChatTurn> messages);

  /**
   * Generates from a raw prompt, blocking the calling thread (call it from a virtual thread) and
   * pushing each piece of text to {@code sink} as soon as it is decoded. Returns when the model
   * stops, the token limit is hit, a stop string matches, or {@code cancellation} is raised; a
   * cancelled generation frees its slot before this method returns.
   *
   * @throws dev.gaia.protocol.GaiaException with {@code CONTEXT_OVERFLOW} when the prompt plus
   *     {@code maxTokens} cannot fit the context, {@code INVALID_REQUEST} for a bad grammar
   */
  GenerationResult generate(GenerationRequest request, TokenSink sink, Cancellation cancellation);

  /** Counters since load. */
  EngineStats stats();

  /** Frees the native model and its context; idempotent. */
  @Override
  void close();
}
