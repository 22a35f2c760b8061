package dev.gaia.node;

import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.Manifest;
import dev.gaia.knowledge.Query;
import dev.gaia.protocol.content.ContentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A brute-force in-memory knowledge base for node tests: exact cosine, no keyword index. */
final class ExactKnowledgeBase implements KnowledgeBase {
  private final String name;
  private final List<Chunk> chunks;
  private final List<float[]> vectors;
  private final Manifest manifest;
  final AtomicBoolean closed = new AtomicBoolean();

  ExactKnowledgeBase(String name, EmbeddingEngine embedder, String modelId, List<String> texts) {
    this.name = name;
    this.chunks = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      chunks.add(new Chunk("c" + i, "doc" + i + ".md", "Doc " + i, List.of("Section " + i), 0, 0, t.length(), t, t));
    }
    this.vectors = embedder.embed(texts).vectors();
    this.manifest = new Manifest(Manifest.FORMAT_VERSION, name, modelId, embedder.dimension(), true,
        ChunkerSettings.defaults(), List.of(), chunks.size(), Instant.EPOCH);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ContentId contentId() {
    return ContentId.ofSha256(dev.gaia.knowledge.Hashes.sha256((name + chunks).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Override
  public Manifest manifest() {
    return manifest;
  }

  @Override
  public List<Hit> search(Query query) {
    if (closed.get()) {
      throw new IllegalStateException("closed");
    }
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      double dot = 0;
      for (int j = 0; j < query.vector().length; j++) {
        dot += query.vector()[j] * vectors.get(i)[j];
      }
      if (dot >= query.scoreThreshold()) {
        hits.add(new Hit(chunks.get(i), dot, 0, 0));
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    List<Hit> top = hits.subList(0, Math.min(query.limit(), hits.size()));
    List<Hit> ranked = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      ranked.add(new Hit(top.get(i).chunk(), top.get(i).score(), i + 1, 0));
    }
    return ranked;
  }

  @Override
  public void close() {
    closed.set(true);
  }
}
