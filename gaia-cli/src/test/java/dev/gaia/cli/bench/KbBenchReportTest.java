package dev.gaia.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbBenchReportTest {
  @TempDir Path dir;

  @Test
  void latency_targets_apply_at_100k_only_and_recall_at_every_size() {
    List<ReportRow> rows = KbReportRows.of(KbReports.sample());

    ReportRow smallP50 = row(rows, "10k chunks", "HNSW p50 (no query embedding)");
    assertThat(smallP50.target()).isEmpty();
    assertThat(smallP50.verdict()).isEqualTo(Verdict.INFO);
    assertThat(smallP50.comparison()).isEqualTo("9.60x faster than exact");
    ReportRow p50 = row(rows, "100k chunks", "HNSW p50 (no query embedding)");
    assertThat(p50.value()).isEqualTo("0.610 ms");
    assertThat(p50.target()).isEqualTo("<= 2.00 ms");
    assertThat(p50.verdict()).isEqualTo(Verdict.PASS);
    assertThat(row(rows, "100k chunks", "HNSW p99 (no query embedding)").target()).isEqualTo("<= 10.00 ms");
    assertThat(row(rows, "10k chunks", "HNSW recall@10 vs exact (1000 queries)").verdict()).isEqualTo(Verdict.PASS);
    assertThat(row(rows, "100k chunks", "exact brute force p50").comparison()).isEqualTo("baseline");
  }

  @Test
  void a_slow_p99_or_low_recall_misses() {
    KbBenchReport report = new KbBenchReport(KbReports.sample().machine(), KbReports.sample().settings(), Optional.empty(),
        List.of(new LatencyResult(KbReports.result(100_000, 2_100, 12_000, 20_000, 50_000, 0.94), Optional.empty(), "")),
        Optional.empty(), List.of());
    List<ReportRow> rows = KbReportRows.of(report);

    assertThat(row(rows, "100k chunks", "HNSW p50 (no query embedding)").verdict()).isEqualTo(Verdict.MISS);
    assertThat(row(rows, "100k chunks", "HNSW p99 (no query embedding)").verdict()).isEqualTo(Verdict.MISS);
    assertThat(row(rows, "100k chunks", "HNSW recall@10 vs exact (1000 queries)").verdict()).isEqualTo(Verdict.MISS);
  }

  @Test
  void hnswlib_rows_give_our_time_over_theirs() {
    List<ReportRow> rows = KbReportRows.of(KbReports.sample());

    assertThat(row(rows, "100k chunks", "hnswlib ef=64 p50").comparison()).isEqualTo("ours / hnswlib = 3.39x (graph alone 1.69x)");
    assertThat(row(rows, "100k chunks", "hnswlib ef=100 p99").comparison()).isEqualTo("ours / hnswlib = 12.00x (graph alone 6.00x)");
    assertThat(row(rows, "100k chunks", "hnswlib ef=64 recall@10 vs exact").comparison()).isEqualTo("ours - hnswlib = -0.001");
    assertThat(row(rows, "100k chunks", "hnswlib build, 1 thread").comparison()).isEqualTo("ours / hnswlib = 2.00x");
    assertThat(rows).noneMatch(r -> r.subject().equals("10k chunks") && r.measure().startsWith("hnswlib"));
  }

  @Test
  void ingest_ratio_is_build_over_raw_throughput_and_passes_at_0_9() {
    List<ReportRow> rows = KbReportRows.of(KbReports.sample());

    ReportRow build = row(rows, "ingest", "full build (load, chunk, embed, index, package)");
    // Pair ratios 0.95, 1.95 (a slow raw run) and 0.80: the median pair, not the ratio of medians (0.98).
    assertThat(build.comparison()).isEqualTo("0.95x of raw embedder (median of 3 pairs)");
    assertThat(build.verdict()).isEqualTo(Verdict.PASS);
    assertThat(row(rows, "ingest", "raw embedder (350 chunks, 80 docs)").value()).isEqualTo("87.5 chunks/s");
    assertThat(row(rows, "ingest", "embedding share of the build's own time").value()).isEqualTo("0.927");
    IngestResult slow = new IngestResult(80, 350, List.of(new IngestRun(4.0, 4.5, 0.1, 3.9, 0.4)));
    assertThat(slow.ratio()).isLessThan(0.9);
    assertThat(KbReportRows.of(new KbBenchReport(KbReports.sample().machine(), KbReports.sample().settings(),
        Optional.empty(), List.of(), Optional.of(slow), List.of())).get(1).verdict()).isEqualTo(Verdict.MISS);
  }

  @Test
  void retrieval_rows_name_the_three_modes() {
    List<ReportRow> rows = KbReportRows.of(KbReports.sample());

    assertThat(row(rows, "retrieval", "hybrid (RRF) recall@5 (28 questions)").value()).isEqualTo("0.964");
    assertThat(row(rows, "retrieval", "BM25-only MRR").value()).isEqualTo("0.851");
    assertThat(row(rows, "retrieval", "query embedding p50 (one question, 200 runs)").value()).isEqualTo("4.55 ms");
  }

  @Test
  void markdown_section_has_its_own_markers_settings_and_every_row() {
    String md = KbMarkdownSection.render(KbReports.sample());

    assertThat(md).startsWith(KbMarkdownSection.BEGIN).endsWith(KbMarkdownSection.END + "\n");
    assertThat(md).contains("2 CPUs (AMD EPYC), JDK Temurin 25, 2026-01-01", "sizes 10k, 100k, 1000 queries each",
        "hnswlib M=16, efConstruction=100, ef [64, 100]", "- hnswlib 0.6.1 through Python", "- Note: a note");
    assertThat(md).contains("| 100k chunks | HNSW p50 (no query embedding) | 0.610 ms | 36.07x faster than exact | <= 2.00 ms | **PASS** |");
    long tableRows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Section")).count();
    assertThat(tableRows).isEqualTo(KbReportRows.of(KbReports.sample()).size());
  }

  @Test
  void writing_the_kb_section_keeps_the_node_section() throws Exception {
    Path file = dir.resolve("benchmarks.md");
    Files.writeString(file, "# Benchmarks\n\n" + MarkdownSection.BEGIN + "\nnode rows\n" + MarkdownSection.END + "\n");

    KbReports.sample().writeMarkdown(file);
    KbReports.sample().writeMarkdown(file);

    String text = Files.readString(file);
    assertThat(text).startsWith("# Benchmarks\n\n" + MarkdownSection.BEGIN + "\nnode rows\n" + MarkdownSection.END + "\n\n"
        + KbMarkdownSection.BEGIN);
    assertThat(text.split(KbMarkdownSection.BEGIN, -1)).hasSize(2);
  }

  @Test
  void table_has_a_section_column() {
    assertThat(KbReports.sample().table().lines().findFirst().orElseThrow()).startsWith("section").contains("vs baseline");
  }

  @Test
  void parses_the_scripts_json_line() {
    HnswlibResult r = Hnswlib.parse("noise\n{\"hnswlib\": \"0.6.1\", \"n\": 500, \"build_s\": 0.25, \"runs\": "
        + "[{\"ef\": 64, \"p50_us\": 40.5, \"p99_us\": 90.0, \"recall_at_10\": 0.99}]}\n");

    assertThat(r).isEqualTo(new HnswlibResult("0.6.1", 0.25, List.of(new HnswlibRun(64, 40.5, 90.0, 0.99))));
  }

  @Test
  void nearest_rank_percentiles_in_microseconds() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = (100 - i) * 1000L;
    }
    assertThat(Percentiles.micros(nanos, 0.50)).isEqualTo(50.0);
    assertThat(Percentiles.micros(nanos, 0.99)).isEqualTo(99.0);
    assertThat(Percentiles.micros(new long[] {7000}, 0.99)).isEqualTo(7.0);
  }

  @Test
  void the_corpus_is_the_same_for_the_same_seed() {
    String a = SyntheticCorpus.document(new SplittableRandom(3));
    assertThat(a).isEqualTo(SyntheticCorpus.document(new SplittableRandom(3)));
    assertThat(a).startsWith("# ").contains("\n## ").endsWith(".\n\n");
    assertThat(a).isNotEqualTo(SyntheticCorpus.document(new SplittableRandom(4)));
  }

  private static ReportRow row(List<ReportRow> rows, String subject, String measure) {
    return rows.stream().filter(r -> r.subject().equals(subject) && r.measure().equals(measure)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + subject + " / " + measure + " in " + rows));
  }
}
