package dev.gaia.domain.routing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A pool on a manual clock, and shorthands for endpoints, requests and outcomes. */
final class RoutingFixtures {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  final ManualClock clock = new ManualClock(T0);
  final OutlierDetector detector;
  final NodePool pool;

  RoutingFixtures(OutlierSettings outliers, HalfLife halfLife) {
    detector = OutlierDetector.create(outliers, clock);
    pool = NodePool.create(halfLife, detector, clock);
  }

  RoutingFixtures() {
    this(OutlierSettings.defaults().withHeartbeatTimeout(Optional.empty()), new HalfLife.Requests(10));
  }

  static NodeEndpoint endpoint(String address, String... models) {
    return new NodeEndpoint(address, URI.create("http://" + address + ".test"), Set.of(models));
  }

  static RouteRequest model(String model) {
    return new RouteRequest(Optional.of(model), Optional.empty());
  }

  static RouteRequest keyed(String model, String key) {
    return new RouteRequest(Optional.of(model), Optional.of(key));
  }

  static Outcome.Success success(long ttfbMillis, int tokens, long totalMillis) {
    return new Outcome.Success(Duration.ofMillis(ttfbMillis), tokens, Duration.ofMillis(totalMillis));
  }

  static Outcome.Failure failure() {
    return new Outcome.Failure("connection refused");
  }

  /** Feeds {@code n} finished requests with this outcome to a node, through started/finished. */
  void train(String address, Outcome outcome, int n) {
    for (int i = 0; i < n; i++) {
      pool.started(address);
      pool.finished(address, outcome);
    }
  }
}
