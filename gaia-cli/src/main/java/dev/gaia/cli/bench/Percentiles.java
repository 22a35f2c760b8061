package dev.gaia.cli.bench;

import java.util.Arrays;

/** Nearest-rank percentiles, as {@code IndexBenchmark} and {@code hnswlib_compare.py} compute them. */
final class Percentiles {
  private Percentiles() {}

  /** The {@code p}-th percentile ({@code p} in (0, 1]) of {@code nanos}, in microseconds. */
  static double micros(long[] nanos, double p) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, rank)] / 1000.0;
  }
}
