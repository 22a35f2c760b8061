package dev.gaia.cli.bench;

import dev.gaia.knowledge.eval.EvalReport;
import dev.gaia.knowledge.index.IndexBenchmark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Fixed {@code gaia bench kb} reports for the rendering tests: no model, no timing. */
final class KbReports {
  private KbReports() {}

  static KbBenchReport sample() {
    KbBenchSettings settings = new KbBenchSettings(
        Optional.of(new KbBenchSettings.Retrieval(Path.of("samples/handbook"), Path.of("q.jsonl"), 5, 200)),
        Optional.of(new KbBenchSettings.Latency(List.of(10_000, 100_000), 384, 1000, 42, List.of("python3"), List.of(64, 100))),
        Optional.of(new KbBenchSettings.Ingest(80, 5, 32, 42)));
    RetrievalResult retrieval = new RetrievalResult(10, 60, List.of(
        new EvalReport("vector", 5, 28, 0.893, 0.783, List.of("q1")),
        new EvalReport("bm25", 5, 28, 0.929, 0.851, List.of()),
        new EvalReport("hybrid-rrf", 5, 28, 0.964, 0.866, List.of())), 4_550, 9_100, 200);
    LatencyResult small = new LatencyResult(result(10_000, 250, 900, 2_400, 6_000, 0.998), Optional.empty(), "");
    HnswlibResult lib = new HnswlibResult("0.6.1", 25.0, List.of(new HnswlibRun(64, 180, 300, 0.990), new HnswlibRun(100, 240, 400, 0.995)));
    LatencyResult large = new LatencyResult(result(100_000, 610, 4_800, 22_000, 60_000, 0.989), Optional.of(lib), "");
    IngestResult ingest = new IngestResult(80, 350, List.of(
        new IngestRun(4.0, 4.2, 0.1, 3.9, 0.15), new IngestRun(8.0, 4.1, 0.1, 3.8, 0.15), new IngestRun(4.0, 5.0, 0.1, 4.5, 0.3)));
    return new KbBenchReport(new MachineInfo(2, "AMD EPYC", "2026-01-01", "Temurin 25"), settings,
        Optional.of(retrieval), List.of(small, large), Optional.of(ingest), List.of("a note"));
  }

  static IndexBenchmark.Result result(int n, double p50, double p99, double exactP50, double exactP99, double recall) {
    return new IndexBenchmark.Result(n, 384, 1000, 42, Duration.ofMillis(n / 2), p50, p99, p50 / 2, p99 / 2, exactP50, exactP99, recall,
        List.of());
  }
}
