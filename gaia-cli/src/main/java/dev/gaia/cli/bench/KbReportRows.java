package dev.gaia.cli.bench;

import dev.gaia.knowledge.eval.EvalReport;
import dev.gaia.knowledge.index.IndexBenchmark;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the knowledge-base figures into table rows with the issue's targets: at 100k chunks a
 * query's p50 at most 2 ms and p99 at most 10 ms (query embedding excluded), recall@10 against
 * brute force at least 0.95 at every size, and a full build at least 0.9 of the raw embedder's
 * throughput. Retrieval quality and the hnswlib comparison are reported without a target.
 */
final class KbReportRows {
  static final List<String> HEADER = List.of("section", "measure", "value", "vs baseline", "target", "result");
  static final int TARGET_SIZE = 100_000;
  static final double P50_MAX_MICROS = 2_000;
  static final double P99_MAX_MICROS = 10_000;
  static final double RECALL_MIN = 0.95;
  static final double INGEST_RATIO_MIN = 0.9;

  private KbReportRows() {}

  static List<ReportRow> of(KbBenchReport report) {
    List<ReportRow> rows = new ArrayList<>();
    report.retrieval().ifPresent(r -> retrieval(rows, r));
    for (LatencyResult l : report.latency()) {
      latency(rows, l);
    }
    report.ingest().ifPresent(i -> ingest(rows, i));
    return rows;
  }

  private static void retrieval(List<ReportRow> rows, RetrievalResult r) {
    String s = "retrieval";
    for (EvalReport m : r.modes()) {
      String name = mode(m.mode());
      rows.add(info(s, name + " recall@" + m.k() + " (" + m.questions() + " questions)", Figures.share(m.recallAtK())));
      rows.add(info(s, name + " MRR", Figures.share(m.mrr())));
    }
    rows.add(info(s, "query embedding p50 (one question, " + r.embedSamples() + " runs)", Figures.latency(r.embedP50Micros())));
    rows.add(info(s, "query embedding p99", Figures.latency(r.embedP99Micros())));
  }

  private static String mode(String mode) {
    return switch (mode) {
      case "vector" -> "vector-only";
      case "bm25" -> "BM25-only";
      case "hybrid-rrf" -> "hybrid (RRF)";
      default -> mode;
    };
  }

  private static void latency(List<ReportRow> rows, LatencyResult l) {
    IndexBenchmark.Result r = l.ours();
    String s = Figures.count(r.chunkCount()) + " chunks";
    boolean targeted = r.chunkCount() == TARGET_SIZE;
    rows.add(new ReportRow(s, "exact brute force p50", Figures.latency(r.exactP50Micros()), "baseline", "", Verdict.INFO));
    rows.add(new ReportRow(s, "exact brute force p99", Figures.latency(r.exactP99Micros()), "baseline", "", Verdict.INFO));
    rows.add(new ReportRow(s, "HNSW p50 (no query embedding)", Figures.latency(r.p50Micros()),
        Figures.ratio(r.exactP50Micros() / r.p50Micros()) + " faster than exact",
        targeted ? "<= " + Figures.latency(P50_MAX_MICROS) : "",
        targeted ? Verdict.atMost(r.p50Micros(), P50_MAX_MICROS) : Verdict.INFO));
    rows.add(new ReportRow(s, "HNSW p99 (no query embedding)", Figures.latency(r.p99Micros()),
        Figures.ratio(r.exactP99Micros() / r.p99Micros()) + " faster than exact",
        targeted ? "<= " + Figures.latency(P99_MAX_MICROS) : "",
        targeted ? Verdict.atMost(r.p99Micros(), P99_MAX_MICROS) : Verdict.INFO));
    rows.add(info(s, "HNSW graph search alone p50 / p99 (no stored chunks)",
        Figures.latency(r.graphP50Micros()) + " / " + Figures.latency(r.graphP99Micros())));
    rows.add(new ReportRow(s, "HNSW recall@10 vs exact (" + r.queries() + " queries)", Figures.share(r.recallAt10()), "",
        ">= " + Figures.share(RECALL_MIN), Verdict.atLeast(r.recallAt10(), RECALL_MIN)));
    rows.add(info(s, "HNSW build, 1 thread", Figures.seconds(r.buildTime().toMillis() / 1000.0)));
    l.hnswlib().ifPresent(h -> hnswlib(rows, s, r, h));
    if (!l.hnswlibNote().isEmpty()) {
      rows.add(info(s, "hnswlib", l.hnswlibNote()));
    }
  }

  private static void hnswlib(List<ReportRow> rows, String s, IndexBenchmark.Result r, HnswlibResult h) {
    for (HnswlibRun run : h.runs()) {
      String name = "hnswlib ef=" + run.ef();
      rows.add(info(s, name + " p50", Figures.latency(run.p50Micros()),
          "ours / hnswlib = " + Figures.ratio(r.p50Micros() / run.p50Micros())
              + " (graph alone " + Figures.ratio(r.graphP50Micros() / run.p50Micros()) + ")"));
      rows.add(info(s, name + " p99", Figures.latency(run.p99Micros()),
          "ours / hnswlib = " + Figures.ratio(r.p99Micros() / run.p99Micros())
              + " (graph alone " + Figures.ratio(r.graphP99Micros() / run.p99Micros()) + ")"));
      rows.add(info(s, name + " recall@10 vs exact", Figures.share(run.recallAt10()),
          "ours - hnswlib = " + String.format(java.util.Locale.ROOT, "%+.3f", r.recallAt10() - run.recallAt10())));
    }
    rows.add(info(s, "hnswlib build, 1 thread", Figures.seconds(h.buildSeconds()),
        "ours / hnswlib = " + Figures.ratio(r.buildTime().toMillis() / 1000.0 / h.buildSeconds())));
  }

  private static void ingest(List<ReportRow> rows, IngestResult i) {
    String s = "ingest";
    rows.add(new ReportRow(s, "raw embedder (" + i.chunks() + " chunks, " + i.documents() + " docs)",
        Figures.chunkRate(i.rawChunksPerSecond()), "baseline", "", Verdict.INFO));
    rows.add(new ReportRow(s, "full build (load, chunk, embed, index, package)", Figures.chunkRate(i.buildChunksPerSecond()),
        Figures.ratio(i.ratio()) + " of raw embedder (median of " + i.runs().size() + " pairs)",
        ">= " + Figures.ratio(INGEST_RATIO_MIN), Verdict.atLeast(i.ratio(), INGEST_RATIO_MIN)));
    rows.add(info(s, "embedding share of the build's own time", Figures.share(i.embedShare())));
    rows.add(info(s, "build time: load + chunk / embed / index + package / other",
        String.format(java.util.Locale.ROOT, "%.2f / %.2f / %.2f / %.2f s",
            i.loadSeconds(), i.embedSeconds(), i.writeSeconds(), i.otherSeconds())));
  }

  private static ReportRow info(String subject, String measure, String value) {
    return info(subject, measure, value, "");
  }

  private static ReportRow info(String subject, String measure, String value, String comparison) {
    return new ReportRow(subject, measure, value, comparison, "", Verdict.INFO);
  }
}
