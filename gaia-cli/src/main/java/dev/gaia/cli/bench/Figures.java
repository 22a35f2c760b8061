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

  /** A latency given in microseconds, in milliseconds with three significant-ish decimals. */
  static String latency(double micros) {
    double ms = micros / 1000;
    return String.format(Locale.ROOT, ms < 1 ? "%.3f ms" : ms < 100 ? "%.2f ms" : "%.0f ms", ms);
  }

  /** A share in [0, 1] such as recall, three decimals. */
  static String share(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }

  static String chunkRate(double chunksPerSecond) {
    return String.format(Locale.ROOT, "%.1f chunks/s", chunksPerSecond);
  }

  /** {@code 100k} for round thousands, else the plain number. */
  static String count(int n) {
    return n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : Integer.toString(n);
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
