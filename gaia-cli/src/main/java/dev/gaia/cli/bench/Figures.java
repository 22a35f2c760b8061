package dev.gaia.cli.bench;

import java.util.Locale;

/** Number formats of the report: fixed decimals, a dot whatever the locale. */
final class Figures {
  private Figures() {}

  static String rate(double tokensPerSecond) {
    return String.format(Locale.ROOT, "%.1f tok/s", tokensPerSecond);
  }

  static String millis(double ms) {
    return String.format(Locale.ROOT, "%.0f ms", ms);
  }

  /** {@code 0.98x}: ratios are dimensionless, two decimals. */
  static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2fx", ratio);
  }

  /** Decimal megabytes (10^6 bytes), as in the target. */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
  }
}
