package dev.gaia.cli.bench;

import java.util.List;

/** The results as a plain-text table with aligned columns, for the terminal. */
final class ConsoleTable {
  private static final List<String> HEADER = List.of("model", "measure", "value", "vs baseline", "target", "result");

  private ConsoleTable() {}

  static String render(List<ReportRow> rows) {
    return render(HEADER, rows);
  }

  /** {@code header} names the six columns; the first is the rows' subject. */
  static String render(List<String> header, List<ReportRow> rows) {
    List<List<String>> cells = new java.util.ArrayList<>();
    cells.add(header);
    for (ReportRow r : rows) {
      cells.add(List.of(r.subject(), r.measure(), r.value(), r.comparison(), r.target(), r.verdict().marker()));
    }
    int[] width = new int[header.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], line.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < cells.size(); n++) {
      List<String> line = cells.get(n);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        text.append(i == 0 ? "" : "  ").append(pad(line.get(i), width[i]));
      }
      out.append(text.toString().stripTrailing()).append('\n');
      if (n == 0) {
        out.append("-".repeat(text.toString().stripTrailing().length())).append('\n');
      }
    }
    return out.toString();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
