package dev.gaia.cli.bench;

import java.util.Objects;

/**
 * One line of the results table, already formatted.
 *
 * @param subject what the row is about: a model's short name, or a section such as {@code 100k chunks}
 * @param measure what was measured and how
 * @param value the figure with its unit
 * @param comparison the ratio against the same run's baseline, or empty
 * @param target the target the ratio or value is held to, or empty
 * @param verdict pass or miss against the target
 */
record ReportRow(String subject, String measure, String value, String comparison, String target, Verdict verdict) {
  ReportRow {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(verdict, "verdict");
  }
}
