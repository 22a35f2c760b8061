package dev.gaia.cli.bench;

import java.util.Arrays;
import java.util.Collection;

/** The median of measured figures: robust to the odd run slowed by a neighbour on shared cores. */
final class Median {
  private Median() {}

  /** The middle value, or the mean of the two middle values for an even count. */
  static double of(Collection<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
