package dev.gaia.domain.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * An exponentially weighted moving average, immutable (updated by compare-and-set in {@link
 * NodeStats}).
 *
 * <p>The math: with samples {@code x_1..x_k} and {@code w_i} the product of the decay factors
 * ({@link HalfLife#decay}) applied since {@code x_i} arrived, the estimate is the weighted mean
 * {@code Σ w_i·x_i / Σ w_i}. Both sums are kept and updated in O(1) per sample: {@code S ← d·S + x},
 * {@code W ← d·W + 1}. With a half-life in requests ({@code d} constant) this is the usual EWMA
 * {@code v ← v + α(x - v)} with {@code α = 1 - d}, except that it is exact from the first sample
 * (no bias towards a starting value: one sample gives that sample, the first few give nearly their
 * mean). With a half-life in time, samples arriving together weigh the same and the estimate
 * never decays towards anything while no samples come.
 *
 * @param weightedSum {@code S}
 * @param weight {@code W}; 0 before the first sample
 * @param samples how many samples were ever added
 * @param last when the latest sample was added
 */
record Ewma(double weightedSum, double weight, long samples, Instant last) {
  static Ewma empty() {
    return new Ewma(0, 0, 0, Instant.EPOCH);
  }

  Ewma add(double sample, Instant now, HalfLife halfLife) {
    double decay = samples == 0 ? 0 : halfLife.decay(Duration.between(last, now));
    Instant latest = now.isAfter(last) ? now : last;
    return new Ewma(weightedSum * decay + sample, weight * decay + 1, samples + 1, latest);
  }

  OptionalDouble value() {
    return samples == 0 ? OptionalDouble.empty() : OptionalDouble.of(weightedSum / weight);
  }
}
