package dev.gaia.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A smoke run only: timings are reported, never asserted. */
class IndexBenchmarkTest {
  @Test
  void runs_at_1k_and_reports_recall_and_latency() {
    IndexBenchmark.Result r = IndexBenchmark.run(1_000, 32, 50, 7);
    assertThat(r.chunkCount()).isEqualTo(1_000);
    assertThat(r.recallAt10()).isBetween(0.9, 1.0);
    assertThat(r.p50Micros()).isPositive();
    assertThat(r.p99Micros()).isGreaterThanOrEqualTo(r.p50Micros());
    assertThat(r.exactP50Micros()).isPositive();
    assertThat(r.graphP50Micros()).isPositive();
    assertThat(r.exactNeighbours()).hasSize(50).allSatisfy(n -> assertThat(n).hasSize(10));
    assertThat(r.toString()).contains("recall@10");
  }
}
