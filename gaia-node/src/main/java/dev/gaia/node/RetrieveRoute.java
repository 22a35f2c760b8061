package dev.gaia.node;

import dev.gaia.inference.ChatTurn;
import dev.gaia.knowledge.rag.RagAssembler;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.gaia.RagOptions;
import dev.gaia.protocol.gaia.RetrieveRequest;
import dev.gaia.protocol.gaia.RetrieveResponse;
import dev.gaia.protocol.openai.ChatMessage;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v1/retrieve}: Gaia's retrieval endpoint, with citations. */
final class RetrieveRoute {
  private final RequestReader reader;
  private final HttpReplies replies;
  private final Retrieval retrieval;
  private final RagDefaults defaults;
  private final SlotScheduler pool;

  RetrieveRoute(RequestReader reader, HttpReplies replies, Retrieval retrieval, RagDefaults defaults, SlotScheduler pool) {
    this.reader = reader;
    this.replies = replies;
    this.retrieval = retrieval;
    this.defaults = defaults;
    this.pool = pool;
  }

  void handle(RoutingContext ctx) {
    RetrieveRequest req = reader.read(ctx, RetrieveRequest.class);
    RagRequest rag = RagRequest.resolve(defaults, new RagOptions(
        true, req.limit(), req.scoreThreshold(), null, req.contextWindow(), req.knowledgeBases(), req.fusion()));
    String query = query(req, rag.contextWindow());
    KnowledgeShelf shelf = retrieval.shelf().filter(s -> !s.isEmpty()).orElseThrow(() -> new GaiaException(
        ErrorKind.UNAVAILABLE, "This node serves no knowledge base; add one with 'gaia node kb add FILE.gkb'.",
        null, "no_knowledge_base"));
    Retrieval.onContext(ctx.vertx(),
        pool.submit(() -> shelf.retrieve(query, rag.knowledgeBases(), rag.limit(), rag.threshold(), rag.fusion())),
        (found, failure) -> {
          if (failure != null) {
            replies.error(ctx, failure);
            return;
          }
          List<RetrieveResponse.Point> points = found.stream()
              .map(f -> new RetrieveResponse.Point(f.hit().chunk().text(), f.hit().score()))
              .toList();
          replies.json(ctx, 200, new RetrieveResponse(points, rag.limit(), rag.threshold(), query, Citations.of(found)));
        });
  }

  private static String query(RetrieveRequest req, int contextWindow) {
    if (req.query() != null && !req.query().isBlank()) {
      return req.query();
    }
    if (req.messages() == null || req.messages().isEmpty()) {
      throw GaiaException.invalid("messages", "Send 'messages' (Gaia's form) or a 'query' string.");
    }
    List<ChatTurn> turns = new ArrayList<>();
    for (int i = 0; i < req.messages().size(); i++) {
      ChatMessage m = req.messages().get(i);
      if (m == null || m.role() == null) {
        throw GaiaException.invalid("messages[" + i + "].role", "every message needs a role.");
      }
      try {
        turns.add(new ChatTurn(m.role(), m.text()));
      } catch (IllegalArgumentException e) {
        throw GaiaException.invalid("messages[" + i + "].content", e.getMessage());
      }
    }
    String q = RagAssembler.query(turns, contextWindow);
    if (q.isBlank()) {
      throw GaiaException.invalid("messages", "There is no user message to retrieve for.");
    }
    return q;
  }
}
