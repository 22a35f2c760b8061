package dev.gaia.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The O(1) moving average against the weighted mean computed from every sample. Replay with -Dgaia.seed. */
class EwmaTest {
  private static final long SEED = Long.getLong("gaia.seed", 11L);

  @Test
  void one_sample_is_its_own_average() {
    Ewma e = Ewma.empty().add(3.5, Instant.EPOCH, new HalfLife.Requests(10));
    assertThat(e.value()).hasValue(3.5);
    assertThat(Ewma.empty().value()).isEmpty();
  }

  @Test
  void request_half_life_matches_the_exact_weighted_mean() {
    SplittableRandom random = new SplittableRandom(SEED);
    HalfLife halfLife = new HalfLife.Requests(7);
    int n = 200;
    double[] samples = new double[n];
    Ewma e = Ewma.empty();
    for (int i = 0; i < n; i++) {
      samples[i] = random.nextDouble(0, 100);
      e = e.add(samples[i], Instant.EPOCH, halfLife);
      // oracle: sample j weighs 2^(-(i-j)/7)
      double sum = 0;
      double weight = 0;
      for (int j = 0; j <= i; j++) {
        double w = Math.pow(0.5, (i - j) / 7.0);
        sum += w * samples[j];
        weight += w;
      }
      assertThat(e.value().getAsDouble()).as("seed %d, sample %d", SEED, i).isCloseTo(sum / weight, within(1e-9));
    }
  }

  @Test
  void time_half_life_matches_the_exact_weighted_mean() {
    SplittableRandom random = new SplittableRandom(SEED);
    HalfLife halfLife = new HalfLife.Time(Duration.ofSeconds(30));
    int n = 100;
    double[] samples = new double[n];
    double[] times = new double[n];
    Ewma e = Ewma.empty();
    double t = 0;
    for (int i = 0; i < n; i++) {
      t += random.nextInt(4) == 0 ? 0 : random.nextDouble(0, 20); // some samples arrive together
      times[i] = t;
      samples[i] = random.nextDouble(0, 100);
      e = e.add(samples[i], Instant.EPOCH.plusNanos(Math.round(t * 1e9)), halfLife);
      double sum = 0;
      double weight = 0;
      for (int j = 0; j <= i; j++) {
        double w = Math.pow(0.5, (times[i] - times[j]) / 30);
        sum += w * samples[j];
        weight += w;
      }
      assertThat(e.value().getAsDouble()).as("seed %d, sample %d", SEED, i).isCloseTo(sum / weight, within(1e-6));
    }
  }

  @Test
  void an_old_level_weighs_half_after_one_half_life() {
    HalfLife halfLife = new HalfLife.Time(Duration.ofSeconds(10));
    Ewma e = Ewma.empty().add(0, Instant.EPOCH, halfLife).add(10, Instant.EPOCH.plusSeconds(10), halfLife);
    // weights 0.5 and 1: (0.5·0 + 1·10) / 1.5
    assertThat(e.value().getAsDouble()).isCloseTo(10 / 1.5, within(1e-12));
  }
}
