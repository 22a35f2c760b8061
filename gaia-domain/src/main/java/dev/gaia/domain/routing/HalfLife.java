package dev.gaia.domain.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast a node's measured speed forgets old samples: a sample's weight halves every half-life,
 * counted in requests or in time.
 *
 * <p>{@link #decay(Duration)} is the factor {@code d} by which every earlier sample's weight is
 * multiplied when a new sample arrives {@code elapsed} after the previous one: {@code d = 2^(-1/n)}
 * for a half-life of {@code n} requests, {@code d = 2^(-elapsed/T)} for a half-life of time {@code
 * T}. The estimate itself is in {@link Ewma}.
 */
public sealed interface HalfLife {

  /** In [0, 1]; 1 means nothing is forgotten. */
  double decay(Duration elapsed);

  /** Weights halve every {@code count} samples (equivalent to an EWMA with {@code α = 1 - 2^(-1/count)}). */
  record Requests(double count) implements HalfLife {
    public Requests {
      if (!(count > 0) || Double.isInfinite(count)) {
        throw new IllegalArgumentException("half-life in requests must be positive, was " + count);
      }
    }

    @Override
    public double decay(Duration elapsed) {
      return Math.pow(0.5, 1 / count);
    }
  }

  /** Weights halve every {@code duration} of clock time, however many samples arrive meanwhile. */
  record Time(Duration duration) implements HalfLife {
    public Time {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("half-life must be positive, was " + duration);
      }
    }

    @Override
    public double decay(Duration elapsed) {
      if (elapsed.isNegative()) {
        return 1;
      }
      return Math.pow(0.5, seconds(elapsed) / seconds(duration));
    }

    private static double seconds(Duration d) {
      return d.getSeconds() + d.getNano() / 1e9;
    }
  }
}
