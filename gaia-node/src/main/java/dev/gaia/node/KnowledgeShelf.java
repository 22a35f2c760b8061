package dev.gaia.node;

import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.Query;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The knowledge bases a node serves, swappable while it serves: adding one under a name already
 * in use replaces it atomically (searches see the old one or the new one, never none), and a
 * removed or replaced base is closed only when its last running search has finished.
 *
 * <p>Thread-safe.
 */
public final class KnowledgeShelf implements AutoCloseable {
  private final EmbeddingEngine embedder;
  private final AtomicReference<Map<String, Shelved>> shelves = new AtomicReference<>(Map.of());

  /** @param embedder embeds queries; every base must have been built with the same model */
  public KnowledgeShelf(EmbeddingEngine embedder) {
    this.embedder = embedder;
  }

  public EmbeddingEngine embedder() {
    return embedder;
  }

  /**
   * Serves {@code kb} under its name, replacing any base of that name.
   *
   * @throws GaiaException naming both models when {@code kb} was embedded with another model
   */
  public void put(KnowledgeBase kb) {
    var m = kb.manifest();
    if (!m.embeddingModel().equals(embedder.modelId()) || m.dimension() != embedder.dimension()) {
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST,
          "knowledge base '" + kb.name() + "' was built with the embedding model " + m.embeddingModel()
              + " (" + m.dimension() + " dimensions), but this node embeds with " + embedder.modelId()
              + " (" + embedder.dimension() + "); rebuild it with --embedding " + embedder.modelId()
              + " or configure the node's embedding model to match",
          "embedding",
          "embedding_model_mismatch");
    }
    Shelved fresh = new Shelved(kb);
    Shelved old;
    while (true) {
      Map<String, Shelved> current = shelves.get();
      Map<String, Shelved> next = new TreeMap<>(current);
      old = next.put(kb.name(), fresh);
      if (shelves.compareAndSet(current, Map.copyOf(next))) {
        break;
      }
    }
    if (old != null) {
      old.retire();
    }
  }

  /** Stops serving {@code name}; false when no such base. */
  public boolean remove(String name) {
    while (true) {
      Map<String, Shelved> current = shelves.get();
      if (!current.containsKey(name)) {
        return false;
      }
      Map<String, Shelved> next = new TreeMap<>(current);
      Shelved old = next.remove(name);
      if (shelves.compareAndSet(current, Map.copyOf(next))) {
        old.retire();
        return true;
      }
    }
  }

  public List<KnowledgeBase> list() {
    return shelves.get().values().stream()
        .map(s -> s.kb)
        .sorted(Comparator.comparing(KnowledgeBase::name))
        .toList();
  }

  public boolean isEmpty() {
    return shelves.get().isEmpty();
  }

  /** A hit and the base it came from. */
  public record Found(KnowledgeBase base, Hit hit) {}

  /**
   * Embeds {@code text} and searches the named bases (all when {@code names} is empty), merging
   * by score. Blocking: call it off the event loop.
   */
  public List<Found> retrieve(String text, List<String> names, int limit, double threshold, dev.gaia.knowledge.Fusion fusion) {
    Map<String, Shelved> current = shelves.get();
    List<Shelved> targets = new ArrayList<>();
    if (names.isEmpty()) {
      targets.addAll(current.values());
    } else {
      for (String n : names) {
        Shelved s = current.get(n);
        if (s == null) {
          throw GaiaException.notFound("knowledge_bases",
              "No knowledge base named '" + n + "' on this node. Available: " + String.join(", ", current.keySet()) + ".");
        }
        targets.add(s);
      }
    }
    if (targets.isEmpty() || text.isBlank()) {
      return List.of();
    }
    float[] vector = embedder.embed(List.of(text)).vectors().getFirst();
    Query query = new Query(text, vector, limit, threshold, fusion);
    List<Found> all = new ArrayList<>();
    for (Shelved s : targets) {
      if (!s.acquire()) {
        continue; // retired between the snapshot and now
      }
      try {
        for (Hit h : s.kb.search(query)) {
          all.add(new Found(s.kb, h));
        }
      } finally {
        s.release();
      }
    }
    if (targets.size() > 1) {
      all.sort(Comparator.comparingDouble((Found f) -> f.hit().score()).reversed());
    }
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }

  @Override
  public void close() {
    Map<String, Shelved> current = shelves.getAndSet(Map.of());
    current.values().forEach(Shelved::retire);
  }

  /** A base plus the count of searches running in it; closed once retired and idle. */
  private static final class Shelved {
    final KnowledgeBase kb;
    /** Running searches, plus one while shelved; -1 once closed. */
    private final AtomicInteger users = new AtomicInteger(1);

    Shelved(KnowledgeBase kb) {
      this.kb = kb;
    }

    boolean acquire() {
      while (true) {
        int n = users.get();
        if (n <= 0) {
          return false;
        }
        if (users.compareAndSet(n, n + 1)) {
          return true;
        }
      }
    }

    void release() {
      if (users.decrementAndGet() == 0) {
        kb.close();
      }
    }

    void retire() {
      release();
    }
  }
}
