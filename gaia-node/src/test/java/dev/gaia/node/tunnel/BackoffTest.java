package dev.gaia.node.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doubles_within_jitter_and_stays_under_the_cap() {
    long seed = new Random().nextLong();
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(seed));
    for (int attempt = 0; attempt < 70; attempt++) {
      long full = Math.min(5000, 100L << Math.min(attempt, 30));
      assertThat(backoff.delay(attempt).toMillis()).as("seed %d attempt %d", seed, attempt).isBetween(full / 2, full);
    }
  }

  @Test
  void same_seed_same_delays() {
    Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(42));
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(42));
    for (int i = 0; i < 10; i++) {
      assertThat(a.delay(i)).isEqualTo(b.delay(i));
    }
  }
}
