package dev.gaia.domain.routing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a node stops getting traffic.
 *
 * @param consecutiveFailures failures in a row ({@link Outcome.Failure}, no success between) that
 *     eject a node
 * @param baseEjection how long the first ejection lasts; the k-th ejection in a row without a
 *     success between lasts {@code baseEjection × 2^(k-1)}
 * @param maxEjection cap on an ejection's length
 * @param heartbeatTimeout a node whose latest heartbeat is older than this gets no traffic until
 *     the next one; empty disables the check (then heartbeats are ignored)
 */
public record OutlierSettings(
    int consecutiveFailures, Duration baseEjection, Duration maxEjection, Optional<Duration> heartbeatTimeout) {
  public OutlierSettings {
    if (consecutiveFailures < 1) {
      throw new IllegalArgumentException("consecutiveFailures must be >= 1, was " + consecutiveFailures);
    }
    Objects.requireNonNull(baseEjection, "baseEjection");
    Objects.requireNonNull(maxEjection, "maxEjection");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    if (baseEjection.isNegative() || baseEjection.isZero()) {
      throw new IllegalArgumentException("baseEjection must be positive, was " + baseEjection);
    }
    if (maxEjection.compareTo(baseEjection) < 0) {
      throw new IllegalArgumentException("maxEjection " + maxEjection + " is shorter than baseEjection " + baseEjection);
    }
    heartbeatTimeout.ifPresent(t -> {
      if (t.isNegative() || t.isZero()) {
        throw new IllegalArgumentException("heartbeatTimeout must be positive, was " + t);
      }
    });
  }

  /**
   * 5 failures in a row eject for 30 s, doubling up to 5 min; heartbeats older than 30 s take a
   * node out. Adding a node counts as its first heartbeat, so a gateway that uses these defaults
   * must call {@link OutlierDetector#heartbeat} more often than every 30 s.
   */
  public static OutlierSettings defaults() {
    return new OutlierSettings(5, Duration.ofSeconds(30), Duration.ofMinutes(5), Optional.of(Duration.ofSeconds(30)));
  }

  public OutlierSettings withHeartbeatTimeout(Optional<Duration> timeout) {
    return new OutlierSettings(consecutiveFailures, baseEjection, maxEjection, timeout);
  }
}
