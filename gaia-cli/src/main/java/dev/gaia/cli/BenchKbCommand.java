package dev.gaia.cli;

import dev.gaia.cli.bench.KbBench;
import dev.gaia.cli.bench.KbBenchReport;
import dev.gaia.cli.bench.KbBenchSettings;
import dev.gaia.cli.bench.MachineInfo;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.inference.onnx.OnnxEmbeddings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gaia bench kb}: retrieval quality of the sample handbook, index query latency against
 * brute force (and optionally hnswlib) at 10k and 100k chunks, and ingest throughput against the
 * raw embedder; every comparison is measured in the same run.
 */
@Command(
    name = "kb",
    description = "Benchmark knowledge bases: retrieval quality, query latency (vs brute force, hnswlib), ingest throughput.",
    mixinStandardHelpOptions = true)
final class BenchKbCommand implements Callable<Integer> {
  @ParentCommand BenchCommand parent;

  @Option(names = "--sizes", split = ",", paramLabel = "N,N", description = "Index sizes in chunks (default: 10000,100000).")
  List<Integer> sizes = new ArrayList<>(List.of(10_000, 100_000));

  @Option(names = "--queries", paramLabel = "N", description = "Timed queries per size (default: ${DEFAULT-VALUE}).")
  int queries = 1000;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the synthetic vectors and corpus (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--hnswlib", description = "Also run hnswlib (python3-hnswlib) on the same vectors; skipped with a note if missing.")
  boolean hnswlib;

  @Option(names = "--python", paramLabel = "CMD",
      description = "Python for the hnswlib comparison (default: the first of python3, /usr/bin/python3 that imports hnswlib).")
  String python;

  @Option(names = "--samples", paramLabel = "DIR", description = "Documents of the retrieval eval (default: ${DEFAULT-VALUE}).")
  Path samples = Path.of("samples/handbook");

  @Option(names = "--questions", paramLabel = "FILE", description = "Golden questions, JSONL (default: ${DEFAULT-VALUE}).")
  Path questions = Path.of("samples/handbook-questions.jsonl");

  @Option(names = "-k", description = "Cut-off of recall@k (default: ${DEFAULT-VALUE}).")
  int k = 5;

  @Option(names = "--embed-queries", paramLabel = "N", description = "Timed single-question embeddings (default: ${DEFAULT-VALUE}).")
  int embedQueries = 200;

  @Option(names = "--ingest-docs", paramLabel = "N", description = "Synthetic documents of the ingest run (default: ${DEFAULT-VALUE}).")
  int ingestDocs = 80;

  @Option(names = "--repeats", paramLabel = "N", description = "Interleaved runs of each ingest measurement (default: ${DEFAULT-VALUE}).")
  int repeats = 5;

  @Option(names = "--batch", paramLabel = "N", description = "Embedding batch size of the ingest runs (default: ${DEFAULT-VALUE}).")
  int batch = 32;

  @Option(names = "--skip-retrieval", description = "Skip the retrieval quality and query embedding section.")
  boolean skipRetrieval;

  @Option(names = "--skip-latency", description = "Skip the index latency section.")
  boolean skipLatency;

  @Option(names = "--skip-ingest", description = "Skip the ingest throughput section.")
  boolean skipIngest;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the results as a Markdown section into FILE (e.g. docs/benchmarks.md).")
  Path markdown;

  @Override
  public Integer call() {
    Main.Environment env = parent.root.env;
    List<String> pythons = !hnswlib ? List.of() : python != null ? List.of(python) : List.of("python3", "/usr/bin/python3");
    KbBenchSettings settings = new KbBenchSettings(
        skipRetrieval ? Optional.empty() : Optional.of(new KbBenchSettings.Retrieval(samples, questions, k, embedQueries)),
        skipLatency ? Optional.empty() : Optional.of(new KbBenchSettings.Latency(sizes, 384, queries, seed, pythons, List.of(64, 100))),
        skipIngest ? Optional.empty() : Optional.of(new KbBenchSettings.Ingest(ingestDocs, repeats, batch, seed)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    KbBenchReport report;
    try (EmbeddingEngine embedder = OnnxEmbeddings.allMiniLmL6V2(pool)) {
      report = new KbBench(settings, embedder, env.err()).run(MachineInfo.ofThisMachine());
    } finally {
      pool.shutdownNow();
    }
    env.out().println();
    env.out().print(report.table());
    report.notes().forEach(n -> env.out().println("note: " + n));
    env.out().flush();
    if (markdown != null) {
      report.writeMarkdown(markdown);
      env.err().println("Wrote the results to " + markdown);
    }
    return 0;
  }
}
