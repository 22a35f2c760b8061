package dev.gaia.knowledge.build;

import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Chunker;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.Manifest;
import dev.gaia.knowledge.chunk.Chunkers;
import dev.gaia.knowledge.index.IndexSettings;
import dev.gaia.knowledge.load.DocumentLoader;
import dev.gaia.knowledge.load.LoadResult;
import dev.gaia.knowledge.pack.GkbContents;
import dev.gaia.knowledge.pack.GkbPackage;
import dev.gaia.knowledge.pack.GkbWriter;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.content.ContentId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents in, {@code .gkb} out: load, chunk, embed in batches, index, package. Rebuilding over
 * an existing package embeds only chunks whose text changed (matched by content hash), provided
 * the package was made with the same embedding model.
 */
public final class KnowledgeBuilder {
  private final EmbeddingEngine embedder;
  private final IndexSettings index;
  private final Clock clock;

  public KnowledgeBuilder(EmbeddingEngine embedder, IndexSettings index, Clock clock) {
    this.embedder = embedder;
    this.index = index;
    this.clock = clock;
  }

  public BuildResult build(BuildPlan plan, BuildProgress progress) {
    long start = System.nanoTime();
    Cut cut = cut(plan);
    LoadResult loaded = cut.loaded();
    List<Chunk> chunks = cut.chunks();
    List<Manifest.DocumentEntry> entries = cut.entries();
    progress.loaded(loaded.documents().size(), chunks.size(), loaded.problems());
    if (chunks.isEmpty()) {
      throw new GaiaException(ErrorKind.INVALID_REQUEST,
          "nothing to index: no readable document with text under " + plan.roots()
              + (loaded.problems().isEmpty() ? "" : " (" + loaded.problems().size() + " files skipped: " + loaded.problems() + ")"),
          "sources", "no_documents");
    }
    Map<String, float[]> reusable = reusable(plan);
    List<float[]> vectors = new ArrayList<>(chunks.size());
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      float[] v = reusable.get(chunks.get(i).contentHash());
      vectors.add(v);
      if (v == null) {
        missing.add(i);
      }
    }
    long embedNanos = embed(chunks, vectors, missing, plan.batchSize(), progress);
    entries.sort(java.util.Comparator.comparing(Manifest.DocumentEntry::source));
    Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, plan.name(), embedder.modelId(), embedder.dimension(),
        embedder.normalized(), plan.chunker(), entries, chunks.size(), clock.instant());
    progress.indexing();
    ContentId id = GkbWriter.write(plan.output(), manifest, chunks, vectors, index);
    return new BuildResult(id, manifest, loaded.problems(), missing.size(), chunks.size() - missing.size(),
        Duration.ofNanos(embedNanos), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * The chunks {@link #build} cuts from {@code plan}'s documents, in the order it embeds them
   * (before any reuse): for benchmarks that time the raw embedder on exactly the same texts.
   */
  public static List<Chunk> chunksOf(BuildPlan plan) {
    return cut(plan).chunks();
  }

  private record Cut(LoadResult loaded, List<Chunk> chunks, List<Manifest.DocumentEntry> entries) {}

  private static Cut cut(BuildPlan plan) {
    LoadResult loaded = DocumentLoader.create(plan.load()).loadAll(plan.roots());
    Chunker text = Chunkers.create(plan.chunker());
    Chunker rows = Chunkers.create(plan.chunker().withKind(ChunkerSettings.Kind.CSV));
    List<Chunk> chunks = new ArrayList<>();
    List<Manifest.DocumentEntry> entries = new ArrayList<>();
    for (Document d : loaded.documents()) {
      List<Chunk> cut = (d.mediaType().equals("text/csv") ? rows : text).chunk(d);
      chunks.addAll(cut);
      entries.add(new Manifest.DocumentEntry(d.source(), d.title(), d.mediaType(), d.sha256(), cut.size()));
    }
    return new Cut(loaded, chunks, entries);
  }

  private long embed(List<Chunk> chunks, List<float[]> vectors, List<Integer> missing, int batch, BuildProgress progress) {
    long nanos = 0;
    progress.embedded(0, missing.size());
    for (int from = 0; from < missing.size(); from += batch) {
      List<Integer> slice = missing.subList(from, Math.min(missing.size(), from + batch));
      List<String> texts = slice.stream().map(i -> chunks.get(i).embeddingText()).toList();
      long t0 = System.nanoTime();
      List<float[]> out = embedder.embed(texts).vectors();
      nanos += System.nanoTime() - t0;
      for (int j = 0; j < slice.size(); j++) {
        vectors.set(slice.get(j), out.get(j));
      }
      progress.embedded(from + slice.size(), missing.size());
    }
    return nanos;
  }

  /** Vectors of the previous package by content hash, when it used the same model. */
  private Map<String, float[]> reusable(BuildPlan plan) {
    if (plan.previous().isEmpty() || !Files.isRegularFile(plan.previous().get())) {
      return Map.of();
    }
    GkbContents old;
    try {
      old = GkbPackage.readContents(plan.previous().get());
    } catch (GaiaException e) {
      return Map.of(); // unreadable or of another format: build from scratch
    }
    if (!old.manifest().embeddingModel().equals(embedder.modelId()) || old.manifest().dimension() != embedder.dimension()) {
      return Map.of();
    }
    Map<String, float[]> out = new HashMap<>();
    for (int i = 0; i < old.chunks().size(); i++) {
      out.put(old.chunks().get(i).contentHash(), old.vectors().get(i));
    }
    return out;
  }

  /** A default plan's output name: the folder's name. */
  public static String defaultName(Path root) {
    String n = root.toAbsolutePath().normalize().getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return n.replaceAll("[^A-Za-z0-9._-]", "-");
  }
}
