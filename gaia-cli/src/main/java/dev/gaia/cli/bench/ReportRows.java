package dev.gaia.cli.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns measured figures into table rows, with each ratio against the same run's baseline and
 * the targets: HTTP at least 0.97 of in-process, four streams at least twice one, and
 * at most 350 MB of resident memory beyond the model file.
 */
final class ReportRows {
  static final double HTTP_RATIO_MIN = 0.97;
  static final double FOUR_STREAMS_MIN = 2.0;
  static final long OVER_MODEL_MAX_BYTES = 350_000_000L;

  private ReportRows() {}

  static List<ReportRow> of(NodeBenchReport report) {
    List<ReportRow> rows = new ArrayList<>();
    for (ModelResult m : report.models()) {
      add(rows, m);
    }
    return rows;
  }

  private static void add(List<ReportRow> rows, ModelResult m) {
    String name = m.model();
    SingleStreamResult in = m.inProcess();
    SingleStreamResult http = m.http();
    rows.add(info(name, "prompt, in-process (" + m.promptTokens() + " tokens)", Figures.rate(in.promptRate())));
    rows.add(info(name, "generation, in-process", Figures.rate(in.generationRate())));
    rows.add(info(name, "time to first token, in-process", Figures.millis(in.firstTokenMillis())));
    double genRatio = http.generationRate() / in.generationRate();
    rows.add(new ReportRow(name, "generation, HTTP stream", Figures.rate(http.generationRate()),
        Figures.ratio(genRatio) + " of in-process", ">= " + Figures.ratio(HTTP_RATIO_MIN),
        Verdict.atLeast(genRatio, HTTP_RATIO_MIN)));
    // Time is lower-is-better: the ratio is in-process over HTTP so that 1.00x is parity here too.
    double ttftRatio = in.firstTokenMillis() / http.firstTokenMillis();
    rows.add(new ReportRow(name, "time to first SSE event, HTTP", Figures.millis(http.firstTokenMillis()),
        Figures.ratio(ttftRatio) + " (in-process / HTTP)", ">= " + Figures.ratio(HTTP_RATIO_MIN),
        Verdict.atLeast(ttftRatio, HTTP_RATIO_MIN)));
    if (!m.concurrency().isEmpty()) {
      ConcurrencyLevel base = m.concurrency().getFirst();
      for (ConcurrencyLevel level : m.concurrency()) {
        double ratio = level.aggregateRate() / base.aggregateRate();
        boolean targeted = level.streams() == 4 && base.streams() == 1;
        rows.add(new ReportRow(name,
            "aggregate generation, " + level.streams() + (level.streams() == 1 ? " stream" : " streams") + " (HTTP)",
            Figures.rate(level.aggregateRate()),
            level == base ? "baseline" : Figures.ratio(ratio) + " of " + base.streams() + " stream",
            targeted ? ">= " + Figures.ratio(FOUR_STREAMS_MIN) : "",
            targeted ? Verdict.atLeast(ratio, FOUR_STREAMS_MIN) : Verdict.INFO));
      }
    }
    MemoryUse mem = m.memory();
    rows.add(info(name, "node RSS (VmRSS; anon + file)",
        Figures.megabytes(mem.vmRss()) + " (" + Figures.megabytes(mem.rssAnon()) + " + " + Figures.megabytes(mem.rssFile()) + ")"));
    rows.add(info(name, "model file", Figures.megabytes(mem.modelBytes())));
    rows.add(new ReportRow(name, "RSS minus model file", Figures.megabytes(mem.overModel()), "",
        "<= " + Figures.megabytes(OVER_MODEL_MAX_BYTES), Verdict.atMost(mem.overModel(), OVER_MODEL_MAX_BYTES)));
  }

  private static ReportRow info(String model, String measure, String value) {
    return new ReportRow(model, measure, value, "", "", Verdict.INFO);
  }
}
