package dev.gaia.cli.bench;

import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.knowledge.index.ChunkIndex;
import dev.gaia.knowledge.index.IndexBenchmark;
import dev.gaia.knowledge.index.IndexSettings;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code gaia bench kb}: retrieval quality on the golden questions, query latency against brute
 * force (and hnswlib) on synthetic vectors, and ingest throughput against the raw embedder.
 * Every section works in its own temporary folder, removed at the end.
 */
public final class KbBench {
  private final KbBenchSettings settings;
  private final EmbeddingEngine embedder;
  private final PrintWriter progress;

  /** {@code embedder} is the default all-MiniLM-L6-v2 in the CLI; {@code progress} gets a line per step. */
  public KbBench(KbBenchSettings settings, EmbeddingEngine embedder, PrintWriter progress) {
    this.settings = settings;
    this.embedder = embedder;
    this.progress = progress;
  }

  public KbBenchReport run(MachineInfo machine) {
    Path work;
    try {
      work = Files.createTempDirectory("gaia-bench-kb");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<String> notes = new ArrayList<>();
      Optional<RetrievalResult> retrieval = Optional.empty();
      if (settings.retrieval().isPresent()) {
        KbBenchSettings.Retrieval r = settings.retrieval().get();
        if (Files.isDirectory(r.documents()) && Files.isRegularFile(r.questions())) {
          say("Retrieval: building " + r.documents() + " and asking " + r.questions());
          retrieval = Optional.of(RetrievalBench.run(r, embedder, folder(work, "retrieval")));
        } else {
          notes.add("retrieval skipped: " + r.documents() + " or " + r.questions()
              + " not found (run from the repository root, or pass --samples and --questions)");
        }
      }
      List<LatencyResult> latency = new ArrayList<>();
      if (settings.latency().isPresent()) {
        latency.addAll(latency(settings.latency().get(), folder(work, "latency"), notes));
      }
      Optional<IngestResult> ingest = Optional.empty();
      if (settings.ingest().isPresent()) {
        KbBenchSettings.Ingest i = settings.ingest().get();
        say("Ingest: " + i.documents() + " synthetic documents, " + i.repeats() + " runs each of raw embedder and full build");
        ingest = Optional.of(IngestBench.run(i, embedder, folder(work, "ingest"), progress));
      }
      return new KbBenchReport(machine, settings, retrieval, latency, ingest, notes);
    } finally {
      deleteTree(work);
    }
  }

  private static Path folder(Path work, String name) {
    try {
      return Files.createDirectories(work.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<LatencyResult> latency(KbBenchSettings.Latency l, Path work, List<String> notes) {
    Optional<String> python = Optional.empty();
    String hnswlibNote = "";
    if (!l.pythons().isEmpty()) {
      python = Hnswlib.interpreter(l.pythons());
      if (python.isEmpty()) {
        hnswlibNote = "skipped: no Python with hnswlib and numpy";
        notes.add("hnswlib comparison skipped: none of " + l.pythons() + " imports hnswlib and numpy"
            + " (apt-get install python3-hnswlib python3-numpy)");
      }
    }
    List<LatencyResult> out = new ArrayList<>();
    for (int size : l.sizes()) {
      say("Latency: " + size + " chunks, " + l.queries() + " queries (build, HNSW and exact search)");
      IndexBenchmark.Dataset data = IndexBenchmark.dataset(size, l.dimension(), l.queries(), l.seed());
      IndexBenchmark.Result ours = IndexBenchmark.run(data, IndexSettings.defaults(), ChunkIndex.DEFAULT_EF_SEARCH);
      say("  " + ours);
      Optional<HnswlibResult> hnswlib = Optional.empty();
      String note = hnswlibNote;
      if (python.isPresent()) {
        say("  hnswlib on the same vectors (" + python.get() + ")");
        try {
          hnswlib = Optional.of(Hnswlib.run(python.get(), data, ours.exactNeighbours(), l.hnswlibEfs(), work));
        } catch (GaiaException e) {
          note = "skipped: see notes";
          notes.add(Figures.count(size) + " chunks: " + e.getMessage());
        }
      }
      out.add(new LatencyResult(ours, hnswlib, note));
    }
    return out;
  }

  private void say(String line) {
    progress.println(line);
    progress.flush();
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary folder is harmless
    }
  }
}
