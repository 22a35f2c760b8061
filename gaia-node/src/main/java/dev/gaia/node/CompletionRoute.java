package dev.gaia.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.GenerationRequest;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.openai.CompletionRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** {@code POST /v1/completions}: raw prompt in, text out, no chat template. */
final class CompletionRoute {
  private final ChatEngine engine;
  private final RequestReader reader;
  private final GenerationRunner runner;
  private final ModelNames models;
  private final NodeServerConfig config;
  private final IdSource ids;

  CompletionRoute(
      ChatEngine engine,
      RequestReader reader,
      GenerationRunner runner,
      ModelNames models,
      NodeServerConfig config,
      IdSource ids) {
    this.engine = engine;
    this.reader = reader;
    this.runner = runner;
    this.models = models;
    this.config = config;
    this.ids = ids;
  }

  void handle(RoutingContext ctx) {
    CompletionRequest req = reader.read(ctx, CompletionRequest.class);
    String model = models.resolve(req.model());
    String prompt = prompt(req.prompt());
    SamplingReader.Common common = SamplingReader.common(req, config.reversePrompt());
    if (req.suffix() != null && !req.suffix().isEmpty()) {
      throw GaiaException.invalid("suffix", "suffix (fill-in-the-middle) is not supported.");
    }
    // The legacy API's default is 16 tokens.
    int maxTokens = SamplingReader.maxTokens("max_tokens", req.maxTokens(), 16);
    Integer logprobs = req.logprobs();
    if (logprobs != null && (logprobs < 0 || logprobs > 5)) {
      throw GaiaException.invalid("logprobs", "logprobs must be between 0 and 5.");
    }
    String echo = Boolean.TRUE.equals(req.echo()) ? prompt : "";
    CompletionShape shape =
        new CompletionShape(ids.next("cmpl-"), ids.nowSeconds(), model, ids.fingerprint(), logprobs, echo);
    runner.run(
        ctx,
        "completions",
        () ->
            new GenerationRequest(
                prompt, maxTokens, common.sampling(), common.stops(), Optional.empty(),
                logprobs == null ? -1 : logprobs),
        shape,
        req.streaming(),
        common.includeUsage());
  }

  private static String prompt(JsonNode prompt) {
    if (prompt == null || prompt.isNull()) {
      throw GaiaException.invalid("prompt", "prompt is required.");
    }
    if (prompt.isTextual()) {
      return prompt.asText();
    }
    if (prompt.isArray() && prompt.size() == 1 && prompt.get(0).isTextual()) {
      return prompt.get(0).asText();
    }
    if (prompt.isArray()) {
      throw GaiaException.invalid(
          "prompt", "prompt must be a string or an array of exactly one string (batched prompts are not supported).");
    }
    throw GaiaException.invalid("prompt", "prompt must be a string.");
  }
}
