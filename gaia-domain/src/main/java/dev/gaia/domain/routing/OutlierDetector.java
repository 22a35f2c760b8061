package dev.gaia.domain.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which nodes are unavailable: ejected after failing ({@link OutlierSettings}) or silent
 * past the heartbeat timeout. Routers skip unavailable nodes in {@code choose}.
 *
 * <p>Ejection: when a failure leaves a node with {@code consecutiveFailures} or more failures in a
 * row and it is not already ejected, it is ejected until {@code now + min(base × 2^(k-1), max)},
 * {@code k} counting ejections since its latest success. Failures of requests already in flight
 * while it is ejected do not extend the ejection. Once the ejection ends (or the gateway's probe
 * calls {@link #readmit}) the node gets traffic again but stays on probation: its failure count is
 * not reset, so the next failure ejects it again for twice as long; a success ends probation and
 * resets {@code k}.
 *
 * <p>Thread-safe; state is per node (a concurrent map of small objects, each with its own lock),
 * there is no lock across nodes.
 */
public final class OutlierDetector {
  private final OutlierSettings settings;
  private final Clock clock;
  private final ConcurrentHashMap<String, Health> nodes = new ConcurrentHashMap<>();

  private OutlierDetector(OutlierSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public static OutlierDetector create(OutlierSettings settings, Clock clock) {
    return new OutlierDetector(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
  }

  /** The node at {@code address} was heard from at {@code at}; ignored for nodes not in the pool. */
  public void heartbeat(String address, Instant at) {
    Health health = nodes.get(address);
    if (health != null) {
      health.heartbeat(at);
    }
  }

  /** Ends the node's ejection now (the gateway's probe succeeded); it stays on probation. */
  public void readmit(String address) {
    Health health = nodes.get(address);
    if (health != null) {
      health.readmit(clock.instant());
    }
  }

  /** Whether the node may get traffic now: known, not ejected, and heard from recently enough. */
  public boolean isAvailable(String address) {
    Health health = nodes.get(address);
    return health != null && health.isAvailable(clock.instant(), settings.heartbeatTimeout());
  }

  /** Until when the node is ejected; empty when it is not ejected now. */
  public Optional<Instant> ejectedUntil(String address) {
    Health health = nodes.get(address);
    return health == null ? Optional.empty() : health.ejectedUntil(clock.instant());
  }

  /** Starts watching a node; counts as its first heartbeat. Keeps the state of a known node. */
  void track(String address) {
    nodes.computeIfAbsent(address, _ -> new Health(clock.instant()));
  }

  void forget(String address) {
    nodes.remove(address);
  }

  void succeeded(String address) {
    Health health = nodes.get(address);
    if (health != null) {
      health.succeeded();
    }
  }

  /** A request failed; {@code consecutiveFailures} is the node's count including this one. */
  void failed(String address, int consecutiveFailures) {
    Health health = nodes.get(address);
    if (health != null && consecutiveFailures >= settings.consecutiveFailures()) {
      health.eject(clock.instant(), settings);
    }
  }

  /** One node's availability; guarded by its own monitor, read without it through volatiles. */
  private static final class Health {
    private volatile Instant lastHeartbeat;
    private volatile Instant ejectedUntil = Instant.MIN;
    private int ejections;

    Health(Instant now) {
      this.lastHeartbeat = now;
    }

    synchronized void heartbeat(Instant at) {
      if (at.isAfter(lastHeartbeat)) {
        lastHeartbeat = at;
      }
    }

    synchronized void readmit(Instant now) {
      if (ejectedUntil.isAfter(now)) {
        ejectedUntil = now;
      }
    }

    synchronized void succeeded() {
      ejections = 0;
    }

    synchronized void eject(Instant now, OutlierSettings settings) {
      if (ejectedUntil.isAfter(now)) {
        return;
      }
      ejections++;
      ejectedUntil = now.plus(ejectionLength(ejections, settings));
    }

    boolean isAvailable(Instant now, Optional<Duration> heartbeatTimeout) {
      if (ejectedUntil.isAfter(now)) {
        return false;
      }
      return heartbeatTimeout.isEmpty() || !lastHeartbeat.plus(heartbeatTimeout.get()).isBefore(now);
    }

    Optional<Instant> ejectedUntil(Instant now) {
      Instant until = ejectedUntil;
      return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
  }

  /** {@code min(base × 2^(ejections-1), max)}. */
  static Duration ejectionLength(int ejections, OutlierSettings settings) {
    Duration length = settings.baseEjection();
    for (int k = 1; k < ejections && length.compareTo(settings.maxEjection()) < 0; k++) {
      length = length.multipliedBy(2);
    }
    return length.compareTo(settings.maxEjection()) > 0 ? settings.maxEjection() : length;
  }
}
