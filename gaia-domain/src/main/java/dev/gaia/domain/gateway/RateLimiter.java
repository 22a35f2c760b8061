package dev.gaia.domain.gateway;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key requests-per-minute and tokens-per-minute limits as token buckets: a bucket holds up to
 * one minute's allowance and refills continuously at allowance/60 s. A request takes one request
 * token on admission; its prompt and completion tokens are charged when the response ends, so a
 * bucket may go into debt and later requests wait until it is positive again.
 *
 * <p>Thread-safe: buckets are per key and updated under their own lock. One entry is kept per key
 * ever seen (keys are few; anonymous callers share one).
 */
public final class RateLimiter {
  private final Clock clock;
  private final Map<String, Buckets> byKey = new ConcurrentHashMap<>();

  public RateLimiter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Admits one request of {@code key} or throws.
   *
   * @throws GaiaException {@link ErrorKind#RATE_LIMITED} with a retry-after (whole seconds, at
   *     least 1) when the key is over either limit
   */
  public void admit(ApiKey key) {
    ApiKey.Limits limits = key.limits();
    if (limits.requestsPerMinute() == 0 && limits.tokensPerMinute() == 0) {
      return;
    }
    Buckets b = byKey.computeIfAbsent(key.id(), id -> new Buckets(clock.millis(), limits));
    long waitMillis;
    String which;
    synchronized (b) {
      b.refill(clock.millis(), limits);
      if (limits.tokensPerMinute() > 0 && b.tokens <= 0) {
        waitMillis = millisUntil(1 - b.tokens, limits.tokensPerMinute());
        which = limits.tokensPerMinute() + " tokens";
      } else if (limits.requestsPerMinute() > 0 && b.requests < 1) {
        waitMillis = millisUntil(1 - b.requests, limits.requestsPerMinute());
        which = limits.requestsPerMinute() + " requests";
      } else {
        if (limits.requestsPerMinute() > 0) {
          b.requests -= 1;
        }
        return;
      }
    }
    Duration retryAfter = Duration.ofSeconds(Math.max(1, (waitMillis + 999) / 1000));
    throw new GaiaException(
        ErrorKind.RATE_LIMITED,
        "Rate limit of " + which + " per minute reached for this API key; retry after "
            + retryAfter.toSeconds() + " s.",
        null,
        "rate_limit_exceeded",
        retryAfter,
        null);
  }

  /** Charges {@code tokens} (prompt plus completion) used by a finished response of {@code key}. */
  public void charge(ApiKey key, long tokens) {
    ApiKey.Limits limits = key.limits();
    if (limits.tokensPerMinute() == 0 || tokens <= 0) {
      return;
    }
    Buckets b = byKey.computeIfAbsent(key.id(), id -> new Buckets(clock.millis(), limits));
    synchronized (b) {
      b.refill(clock.millis(), limits);
      b.tokens -= tokens;
    }
  }

  /** Milliseconds to refill {@code missing} units at {@code perMinute} per minute. */
  private static long millisUntil(double missing, long perMinute) {
    return (long) Math.ceil(missing * 60_000.0 / perMinute);
  }

  /** Current balances; guarded by the instance's monitor. */
  private static final class Buckets {
    private long lastMillis;
    private double requests;
    private double tokens;

    Buckets(long now, ApiKey.Limits limits) {
      lastMillis = now;
      requests = limits.requestsPerMinute();
      tokens = limits.tokensPerMinute();
    }

    void refill(long now, ApiKey.Limits limits) {
      long elapsed = Math.max(0, now - lastMillis);
      lastMillis = Math.max(lastMillis, now);
      requests = Math.min(limits.requestsPerMinute(), requests + elapsed * limits.requestsPerMinute() / 60_000.0);
      tokens = Math.min(limits.tokensPerMinute(), tokens + elapsed * limits.tokensPerMinute() / 60_000.0);
    }
  }
}
