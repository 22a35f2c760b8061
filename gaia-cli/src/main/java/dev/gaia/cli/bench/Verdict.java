package dev.gaia.cli.bench;

/** How a figure stands against its target; {@code INFO} where there is none. */
enum Verdict {
  PASS,
  MISS,
  INFO;

  static Verdict atLeast(double value, double target) {
    return value >= target ? PASS : MISS;
  }

  static Verdict atMost(double value, double target) {
    return value <= target ? PASS : MISS;
  }

  String marker() {
    return this == INFO ? "" : name();
  }
}
