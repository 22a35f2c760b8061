package dev.gaia.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The results as a Markdown section between two HTML comments, so that a later run replaces its
 * own section in {@code docs/benchmarks.md} and leaves the prose around it alone.
 */
final class MarkdownSection {
  static final String BEGIN = "<!-- gaia bench node: begin -->";
  static final String END = "<!-- gaia bench node: end -->";

  private MarkdownSection() {}

  static String render(NodeBenchReport report) {
    NodeBenchSettings s = report.settings();
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append('\n');
    md.append("### `gaia bench node` results\n\n");
    md.append("- Machine: ").append(report.machine().describe()).append('\n');
    md.append(String.format(Locale.ROOT,
        "- Settings: %d threads, ~%d-token prompt, %d generated tokens, median of %d runs; concurrency with ~%d-token prompts%n",
        s.threads(), s.promptTokens(), s.genTokens(), s.repeats(), s.concurrencyPromptTokens()));
    for (ModelResult m : report.models()) {
      md.append("- `").append(m.model()).append("`: ").append(m.description()).append('\n');
    }
    md.append('\n');
    md.append(table("Model", ReportRows.of(report)));
    md.append(END).append('\n');
    return md.toString();
  }

  /** The rows as a Markdown table whose first column is headed {@code subject}. */
  static String table(String subject, List<ReportRow> rows) {
    StringBuilder md = new StringBuilder();
    md.append("| ").append(subject).append(" | Measure | Value | vs baseline | Target | Result |\n");
    md.append("|---|---|---:|---|---|---|\n");
    for (ReportRow r : rows) {
      md.append("| ").append(cell(r.subject()))
          .append(" | ").append(cell(r.measure()))
          .append(" | ").append(cell(r.value()))
          .append(" | ").append(cell(r.comparison()))
          .append(" | ").append(cell(r.target()))
          .append(" | ").append(r.verdict() == Verdict.INFO ? "" : "**" + r.verdict().marker() + "**")
          .append(" |\n");
    }
    return md.toString();
  }

  /** {@code document} with its section replaced by {@code section}, or with it appended. */
  static String splice(String document, String section) {
    return splice(document, section, BEGIN, END);
  }

  /**
   * {@code document} with the section between the markers {@code beginMarker} and {@code endMarker}
   * replaced by {@code section} (which carries the markers itself), or with it appended.
   */
  static String splice(String document, String section, String beginMarker, String endMarker) {
    int begin = document.indexOf(beginMarker);
    int end = document.indexOf(endMarker, Math.max(begin, 0));
    if (begin >= 0 && end > begin) {
      int after = end + endMarker.length();
      if (after < document.length() && document.charAt(after) == '\n') {
        after++;
      }
      return document.substring(0, begin) + section + document.substring(after);
    }
    if (document.isEmpty()) {
      return section;
    }
    return document + (document.endsWith("\n") ? "\n" : "\n\n") + section;
  }

  /** Writes {@code file}, or replaces this benchmark's section in it. */
  static void write(Path file, NodeBenchReport report) {
    write(file, render(report), BEGIN, END);
  }

  /** Writes {@code file}, or replaces the section between {@code begin} and {@code end} in it. */
  static void write(Path file, String section, String begin, String end) {
    try {
      String old = Files.isRegularFile(file) ? Files.readString(file) : "";
      Path target = file.toAbsolutePath();
      Files.createDirectories(target.getParent());
      Files.writeString(target, splice(old, section, begin, end), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
