package dev.gaia.node;

import dev.gaia.inference.ChatTurn;
import dev.gaia.inference.TokenPiece;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.openai.ChatCompletionRequest;
import dev.gaia.protocol.openai.Usage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /v1/chat/completions} on a node without a chat model: the answer is the best
 * passages with their citations, so a knowledge node is useful where no LLM can run. Same wire
 * shapes as a model's answer, streamed or whole; {@code finish_reason} is {@code stop} and usage
 * counts no tokens.
 */
final class PassagesRoute {
  private final RequestReader reader;
  private final HttpReplies replies;
  private final Retrieval retrieval;
  private final IdSource ids;
  private final String model;

  PassagesRoute(RequestReader reader, HttpReplies replies, Retrieval retrieval, IdSource ids, String model) {
    this.reader = reader;
    this.replies = replies;
    this.retrieval = retrieval;
    this.ids = ids;
    this.model = model;
  }

  void handle(RoutingContext ctx) {
    ChatCompletionRequest req = reader.read(ctx, ChatCompletionRequest.class);
    List<ChatTurn> turns = ChatTurns.from(req.messages(), java.util.Optional.empty());
    SamplingReader.Common common = SamplingReader.common(req, java.util.Optional.empty());
    if (!retrieval.active()) {
      throw new GaiaException(ErrorKind.UNAVAILABLE,
          "This node has no chat model and no knowledge base; add one with 'gaia node kb add FILE.gkb'.",
          null, "no_chat_model");
    }
    Retrieval.onContext(ctx.vertx(), retrieval.ground(turns, req.rag()), (grounded, failure) -> {
      if (failure != null) {
        replies.error(ctx, failure);
        return;
      }
      String text = answer(grounded.found());
      ChatShape shape = new ChatShape(ids.next("chatcmpl-"), ids.nowSeconds(), model, ids.fingerprint(), false, 0,
          Citations.of(grounded.found()));
      Usage usage = Usage.of(0, 0);
      if (!req.streaming()) {
        replies.json(ctx, 200, shape.whole(text, List.of(), "stop", usage));
        return;
      }
      HttpServerResponse r = ctx.response()
          .setChunked(true)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache");
      r.write(frame(shape.opening()));
      r.write(frame(shape.delta(TokenPiece.of(text))));
      r.write(frame(shape.closing("stop")));
      if (common.includeUsage()) {
        r.write(frame(shape.usage(usage)));
      }
      r.end("data: [DONE]\n\n");
    });
  }

  private Buffer frame(Object body) {
    return Buffer.buffer("data: " + new String(replies.bytes(body), StandardCharsets.UTF_8) + "\n\n");
  }

  /** The passages as a readable answer, numbered like the citations. */
  static String answer(List<KnowledgeShelf.Found> found) {
    if (found.isEmpty()) {
      return "No passage in this node's knowledge matches the question closely enough. "
          + "(This node answers from its knowledge only: it has no chat model.)";
    }
    StringBuilder out = new StringBuilder("This node has no chat model; these passages from its knowledge match best:\n");
    for (int i = 0; i < found.size(); i++) {
      var chunk = found.get(i).hit().chunk();
      out.append("\n[").append(i + 1).append("] ").append(chunk.title());
      if (!chunk.headings().isEmpty()) {
        out.append(" › ").append(String.join(" › ", chunk.headings()));
      }
      out.append(" (").append(chunk.source()).append(chunk.page() > 0 ? ", page " + chunk.page() : "").append(")\n");
      out.append(chunk.text().strip()).append('\n');
    }
    return out.toString();
  }
}
