package dev.gaia.node;

import dev.gaia.inference.ChatTurn;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.rag.RagAssembler;
import dev.gaia.protocol.gaia.RagOptions;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Retrieval before generation: embeds the query and searches the shelf on the embedding pool
 * (never on an event loop, never in a generation slot), then hands the grounded conversation and
 * its citations back on the request's context.
 */
final class Retrieval {
  private final Optional<KnowledgeShelf> shelf;
  private final SlotScheduler pool;
  private final RagDefaults defaults;

  Retrieval(Optional<KnowledgeShelf> shelf, SlotScheduler pool, RagDefaults defaults) {
    this.shelf = shelf;
    this.pool = pool;
    this.defaults = defaults;
  }

  /** A conversation ready for the model, with the citations it was grounded on (maybe none). */
  record Grounded(List<ChatTurn> turns, List<KnowledgeShelf.Found> found, boolean used) {}

  boolean active() {
    return shelf.isPresent() && !shelf.get().isEmpty();
  }

  Optional<KnowledgeShelf> shelf() {
    return shelf;
  }

  /**
   * Grounds {@code turns} as the request's {@code rag} options say. Completes at once, unchanged,
   * when the node has no knowledge or the request disables retrieval. Validation errors are
   * thrown synchronously.
   */
  CompletableFuture<Grounded> ground(List<ChatTurn> turns, RagOptions options) {
    return ground(turns, options, grounded -> true);
  }

  /**
   * As {@link #ground(List, RagOptions)}, keeping only as many of the best passages as
   * {@code fits} accepts: the lowest-ranked passages are dropped until the conversation fits
   * the model's context, so retrieval never turns a valid request into a context overflow.
   */
  CompletableFuture<Grounded> ground(List<ChatTurn> turns, RagOptions options, java.util.function.Predicate<List<ChatTurn>> fits) {
    RagRequest rag = RagRequest.resolve(defaults, options);
    if (!active() || !rag.enabled()) {
      return CompletableFuture.completedFuture(new Grounded(turns, List.of(), false));
    }
    String query = RagAssembler.query(turns, rag.contextWindow());
    return pool.submit(() -> {
      List<KnowledgeShelf.Found> found =
          shelf.get().retrieve(query, rag.knowledgeBases(), rag.limit(), rag.threshold(), rag.fusion());
      for (int n = found.size(); n > 0; n--) {
        List<KnowledgeShelf.Found> used = found.subList(0, n);
        List<Hit> hits = used.stream().map(KnowledgeShelf.Found::hit).toList();
        List<ChatTurn> grounded = RagAssembler.apply(turns, hits, rag.policy(), defaults.prompt());
        if (fits.test(grounded)) {
          return new Grounded(grounded, List.copyOf(used), true);
        }
      }
      return new Grounded(turns, List.of(), true);
    });
  }

  /** Runs {@code then} on the Vert.x context of the caller once grounding is done. */
  static <T> void onContext(Vertx vertx, CompletableFuture<T> future, java.util.function.BiConsumer<T, Throwable> then) {
    io.vertx.core.Context context = vertx.getOrCreateContext();
    future.whenComplete((value, failure) -> context.runOnContext(v -> then.accept(value, failure)));
  }
}
