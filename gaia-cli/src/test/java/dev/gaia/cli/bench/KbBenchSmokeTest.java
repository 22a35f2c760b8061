package dev.gaia.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.inference.onnx.OnnxEmbeddings;
import dev.gaia.knowledge.eval.EvalReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The whole {@code gaia bench kb} pipeline at tiny sizes with the real embedder and the sample
 * handbook: every row present with sane values. hnswlib runs where a Python with it is installed,
 * and is otherwise reported as skipped; either way the report is complete. No timing is asserted.
 */
class KbBenchSmokeTest {
  private static final Path SAMPLES = Path.of("..", "samples");

  @Test
  void every_section_reports_sane_figures() {
    KbBenchSettings settings = new KbBenchSettings(
        Optional.of(new KbBenchSettings.Retrieval(SAMPLES.resolve("handbook"), SAMPLES.resolve("handbook-questions.jsonl"), 5, 5)),
        Optional.of(new KbBenchSettings.Latency(List.of(500), 384, 20, 7, List.of("python3", "/usr/bin/python3"), List.of(64))),
        Optional.of(new KbBenchSettings.Ingest(3, 1, 8, 7)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    KbBenchReport report;
    try (EmbeddingEngine embedder = OnnxEmbeddings.allMiniLmL6V2(pool)) {
      report = new KbBench(settings, embedder, new PrintWriter(new StringWriter()))
          .run(new MachineInfo(2, "cpu", "today", "jdk"));
    } finally {
      pool.shutdownNow();
    }

    RetrievalResult retrieval = report.retrieval().orElseThrow();
    assertThat(retrieval.modes()).extracting(EvalReport::mode).containsExactly("vector", "bm25", "hybrid-rrf");
    assertThat(retrieval.modes()).allSatisfy(m -> {
      assertThat(m.questions()).isEqualTo(28);
      assertThat(m.recallAtK()).isBetween(0.0, 1.0);
      assertThat(m.mrr()).isBetween(0.0, 1.0);
    });
    assertThat(retrieval.embedP50Micros()).isPositive();
    assertThat(retrieval.embedP99Micros()).isGreaterThanOrEqualTo(retrieval.embedP50Micros());

    LatencyResult latency = report.latency().getFirst();
    assertThat(latency.ours().chunkCount()).isEqualTo(500);
    assertThat(latency.ours().recallAt10()).isBetween(0.0, 1.0);
    assertThat(latency.ours().exactNeighbours()).hasSize(20).allSatisfy(n -> assertThat(n).hasSize(10));
    assertThat(latency.ours().exactP50Micros()).isPositive();
    assertThat(latency.ours().graphP50Micros()).isPositive();
    latency.hnswlib().ifPresent(h -> assertThat(h.runs()).singleElement().satisfies(r -> {
      assertThat(r.ef()).isEqualTo(64);
      assertThat(r.recallAt10()).isBetween(0.0, 1.0);
      assertThat(r.p50Micros()).isPositive();
    }));
    if (latency.hnswlib().isEmpty()) {
      assertThat(report.notes()).anyMatch(n -> n.contains("hnswlib"));
    }

    IngestResult ingest = report.ingest().orElseThrow();
    assertThat(ingest.chunks()).isPositive();
    assertThat(ingest.rawChunksPerSecond()).isPositive();
    assertThat(ingest.buildChunksPerSecond()).isPositive();
    assertThat(ingest.runs()).singleElement().satisfies(r -> assertThat(r.embedSeconds()).isPositive().isLessThanOrEqualTo(r.buildSeconds()));
    assertThat(ingest.embedShare()).isBetween(0.0, 1.0);

    List<ReportRow> rows = KbReportRows.of(report);
    int hnswlibRows = latency.hnswlib().map(h -> 3 * h.runs().size() + 1).orElse(1);
    assertThat(rows).hasSize(8 + 7 + hnswlibRows + 4);
    assertThat(report.table()).contains("hybrid (RRF) recall@5", "HNSW p99 (no query embedding)",
        "query embedding p50", "full build (load, chunk, embed, index, package)");
  }
}
