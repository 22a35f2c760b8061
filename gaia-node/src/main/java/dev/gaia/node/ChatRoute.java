package dev.gaia.node;

import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.ChatTurn;
import dev.gaia.inference.GenerationRequest;
import dev.gaia.inference.OutputConstraint;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.openai.ChatCompletionRequest;
import dev.gaia.protocol.openai.ChatMessage;
import dev.gaia.protocol.openai.ResponseFormat;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code POST /v1/chat/completions}. */
final class ChatRoute {
  private final ChatEngine engine;
  private final RequestReader reader;
  private final GenerationRunner runner;
  private final ModelNames models;
  private final NodeServerConfig config;
  private final IdSource ids;
  private final Retrieval retrieval;
  private final HttpReplies replies;

  ChatRoute(
      ChatEngine engine,
      RequestReader reader,
      GenerationRunner runner,
      ModelNames models,
      NodeServerConfig config,
      IdSource ids,
      Retrieval retrieval,
      HttpReplies replies) {
    this.retrieval = retrieval;
    this.replies = replies;
    this.engine = engine;
    this.reader = reader;
    this.runner = runner;
    this.models = models;
    this.config = config;
    this.ids = ids;
  }

  void handle(RoutingContext ctx) {
    ChatCompletionRequest req = reader.read(ctx, ChatCompletionRequest.class);
    String model = models.resolve(req.model());
    List<ChatTurn> turns = ChatTurns.from(req.messages(), config.systemPrompt());
    SamplingReader.Common common = SamplingReader.common(req, config.reversePrompt());
    if (req.maxTokens() != null && req.maxCompletionTokens() != null
        && !req.maxTokens().equals(req.maxCompletionTokens())) {
      throw GaiaException.invalid(
          "max_completion_tokens", "max_tokens and max_completion_tokens disagree; send one of them.");
    }
    int maxTokens =
        SamplingReader.maxTokens(
            req.maxCompletionTokens() != null ? "max_completion_tokens" : "max_tokens",
            req.maxCompletionTokens() != null ? req.maxCompletionTokens() : req.maxTokens(),
            engine.model().contextSize());
    Optional<OutputConstraint> constraint = constraint(req.responseFormat());
    int top = topLogprobs(req);
    ChatShape shape =
        new ChatShape(ids.next("chatcmpl-"), ids.nowSeconds(), model, ids.fingerprint(), top >= 0, Math.max(top, 0), null);
    int context = engine.model().contextSize();
    // Room kept for the answer when passages are fitted into the context.
    int reserve = req.maxTokens() != null || req.maxCompletionTokens() != null
        ? Math.min(maxTokens, context / 2) : Math.min(256, context / 4);
    java.util.function.Predicate<List<ChatTurn>> fits =
        t -> engine.tokenize(engine.renderChat(t)).length + 1 + reserve <= context;
    Retrieval.onContext(ctx.vertx(), retrieval.ground(turns, req.rag(), fits), (grounded, failure) -> {
      if (failure != null) {
        replies.error(ctx, failure);
        return;
      }
      runner.run(
          ctx,
          "chat",
          () ->
              new GenerationRequest(
                  engine.renderChat(grounded.turns()), maxTokens, common.sampling(), common.stops(), constraint, top),
          grounded.used() ? shape.withSources(Citations.of(grounded.found())) : shape,
          req.streaming(),
          common.includeUsage());
    });
  }

  private static Optional<OutputConstraint> constraint(ResponseFormat format) {
    if (format == null || format.type() == null || format.type().equals("text")) {
      return Optional.empty();
    }
    return switch (format.type()) {
      case "json_object" -> Optional.of(new OutputConstraint.AnyJsonObject());
      case "json_schema" -> {
        if (format.jsonSchema() == null || format.jsonSchema().schema() == null
            || !format.jsonSchema().schema().isObject()) {
          throw GaiaException.invalid(
              "response_format.json_schema.schema", "json_schema requires a 'schema' object.");
        }
        yield Optional.of(new OutputConstraint.JsonSchema(format.jsonSchema().schema().toString()));
      }
      default ->
          throw GaiaException.invalid(
              "response_format.type",
              "response_format.type must be text, json_object or json_schema, got '" + format.type() + "'.");
    };
  }

  /** -1 when logprobs are not requested. */
  private static int topLogprobs(ChatCompletionRequest req) {
    boolean wanted = Boolean.TRUE.equals(req.logprobs());
    if (req.topLogprobs() != null) {
      if (!wanted) {
        throw GaiaException.invalid("top_logprobs", "top_logprobs requires logprobs to be true.");
      }
      if (req.topLogprobs() < 0 || req.topLogprobs() > 20) {
        throw GaiaException.invalid("top_logprobs", "top_logprobs must be between 0 and 20.");
      }
      return req.topLogprobs();
    }
    return wanted ? 0 : -1;
  }
}
