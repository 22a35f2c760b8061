package dev.gaia.cli.bench;

import java.util.Objects;

/**
 * One line of the results table, already formatted.
 *
 * @param model the model's short name
 * @param measure what was measured and how
 * @param value the figure with its unit
 * @param comparison the ratio against the same run's baseline, or empty
 * @param target the target the ratio or value is held to, or empty
 * @param verdict pass or miss against the target
 */
record ReportRow(String model, String measure, String value, String comparison, String target, Verdict verdict) {
  ReportRow {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(verdict, "verdict");
  }
}
