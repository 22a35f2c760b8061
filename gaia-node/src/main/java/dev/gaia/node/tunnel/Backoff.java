package dev.gaia.node.tunnel;

import java.time.Duration;
import java.util.Random;

/**
 * Reconnect delays: exponential from {@code min}, capped at {@code max}, with "equal jitter" (a
 * uniformly random point in the upper half of the delay) so nodes dropped together do not redial
 * together. The random is injected and seeded in tests. Not thread-safe.
 */
final class Backoff {
  private final Duration min;
  private final Duration max;
  private final Random random;

  Backoff(Duration min, Duration max, Random random) {
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
    }
    this.min = min;
    this.max = max;
    this.random = random;
  }

  /** The delay before reconnect attempt {@code attempt} (0 for the first after a drop). */
  Duration delay(int attempt) {
    long cap = max.toMillis();
    long base = min.toMillis() << Math.min(attempt, 30);
    long full = base <= 0 || base > cap ? cap : base;
    return Duration.ofMillis(full / 2 + (long) (random.nextDouble() * (full - full / 2)));
  }
}
