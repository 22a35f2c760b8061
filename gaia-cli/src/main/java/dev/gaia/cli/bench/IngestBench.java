package dev.gaia.cli.bench;

import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.build.BuildPlan;
import dev.gaia.knowledge.build.BuildProgress;
import dev.gaia.knowledge.build.BuildResult;
import dev.gaia.knowledge.build.KnowledgeBuilder;
import dev.gaia.knowledge.index.IndexSettings;
import dev.gaia.knowledge.load.LoadProblem;
import dev.gaia.knowledge.load.LoadSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The full build against the raw embedder on the same texts: (a) the embedder alone over
 * exactly the chunk texts the builder cuts, in the build's batch size; (b) the whole
 * {@link KnowledgeBuilder#build} from the documents on disk to a {@code .gkb}. Runs a, b, a, b,
 * ... after one untimed pass of each, so that a neighbour's load falls on both alike, and
 * reports medians.
 */
final class IngestBench {
  private IngestBench() {}

  static IngestResult run(KbBenchSettings.Ingest settings, EmbeddingEngine embedder, Path work, PrintWriter progress) {
    Path corpus = work.resolve("corpus");
    SyntheticCorpus.write(corpus, settings.documents(), settings.seed());
    List<String> texts = KnowledgeBuilder.chunksOf(plan(settings, corpus, work.resolve("probe.gkb")))
        .stream().map(Chunk::embeddingText).toList();
    KnowledgeBuilder builder = new KnowledgeBuilder(embedder, IndexSettings.defaults(), Clock.systemUTC());
    // One untimed pass of each: the model's first batches and the JIT's first index are slow.
    embedRaw(embedder, texts, settings.batchSize());
    builder.build(plan(settings, corpus, work.resolve("warm-up.gkb")), BuildProgress.silent());
    delete(work.resolve("warm-up.gkb"));
    List<IngestRun> runs = new ArrayList<>();
    for (int r = 0; r < settings.repeats(); r++) {
      double raw = embedRaw(embedder, texts, settings.batchSize());
      Path out = work.resolve("ingest-" + r + ".gkb");
      PhaseClock clock = new PhaseClock();
      BuildResult result = builder.build(plan(settings, corpus, out), clock);
      double total = seconds(System.nanoTime() - clock.start);
      if (result.manifest().chunkCount() != texts.size()) {
        throw new IllegalStateException("the build cut " + result.manifest().chunkCount() + " chunks, the probe " + texts.size());
      }
      runs.add(new IngestRun(raw, total, seconds(clock.loaded - clock.start), result.embedTime().toNanos() / 1e9,
          total - seconds(clock.indexing - clock.start)));
      delete(out);
      progress.printf("  ingest run %d/%d: raw embedder %.2f s, full build %.2f s (%.2f s embedding)%n",
          r + 1, settings.repeats(), raw, total, runs.getLast().embedSeconds());
      progress.flush();
    }
    return new IngestResult(settings.documents(), texts.size(), runs);
  }

  /** No previous package: every chunk is embedded, as in a first build. */
  private static BuildPlan plan(KbBenchSettings.Ingest settings, Path corpus, Path out) {
    ChunkerSettings chunker = ChunkerSettings.defaults();
    return new BuildPlan(List.of(corpus), out, "ingest", chunker, LoadSettings.forChunker(chunker),
        settings.batchSize(), Optional.empty());
  }

  /** Seconds to embed {@code texts} in batches, keeping the vectors as the builder does. */
  private static double embedRaw(EmbeddingEngine embedder, List<String> texts, int batch) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    long t0 = System.nanoTime();
    for (int from = 0; from < texts.size(); from += batch) {
      vectors.addAll(embedder.embed(texts.subList(from, Math.min(texts.size(), from + batch))).vectors());
    }
    double s = seconds(System.nanoTime() - t0);
    if (vectors.size() != texts.size()) {
      throw new IllegalStateException("embedded " + vectors.size() + " of " + texts.size() + " texts");
    }
    return s;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records when the build finished loading and started writing, on the building thread. */
  private static final class PhaseClock implements BuildProgress {
    final long start = System.nanoTime();
    long loaded;
    long indexing;

    @Override
    public void loaded(int documents, int chunks, List<LoadProblem> problems) {
      loaded = System.nanoTime();
    }

    @Override
    public void embedded(int done, int total) {}

    @Override
    public void indexing() {
      indexing = System.nanoTime();
    }
  }
}
