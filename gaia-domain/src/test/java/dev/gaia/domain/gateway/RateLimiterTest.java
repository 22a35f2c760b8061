package dev.gaia.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RateLimiterTest {
  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final RateLimiter limiter = new RateLimiter(clock);

  @Test
  void admits_a_minutes_burst_then_refuses_with_the_wait_until_the_next_request() {
    ApiKey key = new ApiKey("k", new ApiKey.Limits(6, 0));
    for (int i = 0; i < 6; i++) {
      limiter.admit(key);
    }
    assertThatThrownBy(() -> limiter.admit(key))
        .isInstanceOfSatisfying(GaiaException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(10)); // 6/min: one every 10 s
        });
    clock.advance(Duration.ofSeconds(10));
    limiter.admit(key);
  }

  @Test
  void tokens_are_charged_after_the_response_and_a_debt_blocks_until_refilled() {
    ApiKey key = new ApiKey("k", new ApiKey.Limits(0, 600));
    limiter.admit(key);
    limiter.charge(key, 900); // overdraws by 300
    assertThatThrownBy(() -> limiter.admit(key))
        .isInstanceOfSatisfying(GaiaException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(31))); // 301 tokens at 10/s
    clock.advance(Duration.ofSeconds(31));
    limiter.admit(key);
  }

  @Test
  void keys_have_their_own_buckets_and_unlimited_keys_are_never_refused() {
    ApiKey a = new ApiKey("a", new ApiKey.Limits(1, 0));
    ApiKey b = new ApiKey("b", new ApiKey.Limits(1, 0));
    limiter.admit(a);
    limiter.admit(b);
    assertThatThrownBy(() -> limiter.admit(a)).isInstanceOf(GaiaException.class);
    for (int i = 0; i < 1000; i++) {
      limiter.admit(ApiKey.anonymous());
    }
  }

  @Test
  void refill_never_exceeds_one_minutes_allowance() {
    ApiKey key = new ApiKey("k", new ApiKey.Limits(2, 0));
    clock.advance(Duration.ofHours(1));
    limiter.admit(key);
    limiter.admit(key);
    assertThatThrownBy(() -> limiter.admit(key)).isInstanceOf(GaiaException.class);
  }
}
