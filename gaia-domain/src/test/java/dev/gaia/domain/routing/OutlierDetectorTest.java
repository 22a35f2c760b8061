package dev.gaia.domain.routing;

import static dev.gaia.domain.routing.RoutingFixtures.endpoint;
import static dev.gaia.domain.routing.RoutingFixtures.failure;
import static dev.gaia.domain.routing.RoutingFixtures.model;
import static dev.gaia.domain.routing.RoutingFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutlierDetectorTest {
  private static final OutlierSettings SETTINGS =
      new OutlierSettings(3, Duration.ofSeconds(10), Duration.ofSeconds(35), Optional.empty());

  private final RoutingFixtures f = new RoutingFixtures(SETTINGS, new HalfLife.Requests(10));

  private void fail(String address, int times) {
    f.train(address, failure(), times);
  }

  @Test
  void ejects_after_n_consecutive_failures_and_not_before() {
    f.pool.put(endpoint("a", "m"));
    fail("a", 2);
    assertThat(f.detector.isAvailable("a")).isTrue();
    f.train("a", success(10, 5, 100), 1); // a success resets the run
    fail("a", 2);
    assertThat(f.detector.isAvailable("a")).isTrue();
    fail("a", 1);
    assertThat(f.detector.isAvailable("a")).isFalse();
    assertThat(f.detector.ejectedUntil("a")).hasValue(RoutingFixtures.T0.plusSeconds(10));
    assertThat(f.pool.available()).isEmpty();
    assertThat(f.pool.stats("a").orElseThrow().consecutiveFailures()).isEqualTo(3);
  }

  @Test
  void neutral_outcomes_count_neither_way() {
    f.pool.put(endpoint("a", "m"));
    fail("a", 2);
    f.train("a", new Outcome.Neutral(), 5);
    fail("a", 1);
    assertThat(f.detector.isAvailable("a")).isFalse();
  }

  @Test
  void readmitted_after_the_ejection_and_re_ejected_for_twice_as_long_up_to_the_cap() {
    f.pool.put(endpoint("a", "m"));
    fail("a", 3);
    f.clock.advance(Duration.ofSeconds(9));
    assertThat(f.detector.isAvailable("a")).isFalse();
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(f.detector.isAvailable("a")).isTrue();

    fail("a", 1); // on probation: one more failure ejects again, 2 × 10 s
    assertThat(f.detector.ejectedUntil("a")).hasValue(f.clock.instant().plusSeconds(20));
    f.clock.advance(Duration.ofSeconds(20));
    fail("a", 1); // 4 × 10 s, capped at 35 s
    assertThat(f.detector.ejectedUntil("a")).hasValue(f.clock.instant().plusSeconds(35));

    f.clock.advance(Duration.ofSeconds(35));
    f.train("a", success(10, 5, 100), 1); // a success ends probation and the doubling
    fail("a", 2);
    assertThat(f.detector.isAvailable("a")).isTrue();
    fail("a", 1);
    assertThat(f.detector.ejectedUntil("a")).hasValue(f.clock.instant().plusSeconds(10));
  }

  @Test
  void failures_in_flight_during_an_ejection_do_not_extend_it() {
    f.pool.put(endpoint("a", "m"));
    fail("a", 3);
    f.clock.advance(Duration.ofSeconds(5));
    fail("a", 4);
    assertThat(f.detector.ejectedUntil("a")).hasValue(RoutingFixtures.T0.plusSeconds(10));
  }

  @Test
  void a_probe_can_readmit_early() {
    f.pool.put(endpoint("a", "m"));
    fail("a", 3);
    f.detector.readmit("a");
    assertThat(f.detector.isAvailable("a")).isTrue();
    assertThat(f.pool.available()).extracting(NodeEndpoint::address).containsExactly("a");
  }

  @Test
  void a_node_silent_past_the_heartbeat_timeout_gets_no_traffic_until_it_is_heard_again() {
    RoutingFixtures f =
        new RoutingFixtures(SETTINGS.withHeartbeatTimeout(Optional.of(Duration.ofSeconds(30))), new HalfLife.Requests(10));
    f.pool.put(endpoint("a", "m"));
    f.pool.put(endpoint("b", "m"));
    Router router = LeastLoadedRouter.create(f.pool, AffinitySettings.defaults(), new SplittableRandom(1));
    f.clock.advance(Duration.ofSeconds(20));
    f.detector.heartbeat("b", f.clock.instant());
    f.clock.advance(Duration.ofSeconds(30)); // a: 50 s silent, b: 30 s
    assertThat(f.detector.isAvailable("a")).isFalse();
    assertThat(f.detector.isAvailable("b")).isTrue();
    for (int i = 0; i < 50; i++) {
      assertThat(router.choose(model("m"), Set.of())).map(NodeEndpoint::address).hasValue("b");
    }
    assertThat(router.active()).extracting(NodeEndpoint::address).containsExactly("b");

    f.detector.heartbeat("a", f.clock.instant().minusSeconds(1));
    assertThat(f.detector.isAvailable("a")).isTrue();
    f.clock.advance(Duration.ofSeconds(2));
    assertThat(f.detector.isAvailable("b")).isFalse();
    assertThat(router.choose(model("m"), Set.of())).map(NodeEndpoint::address).hasValue("a");
  }

  @Test
  void heartbeats_of_unknown_nodes_are_ignored_and_removal_forgets() {
    f.detector.heartbeat("ghost", f.clock.instant());
    assertThat(f.detector.isAvailable("ghost")).isFalse();
    f.pool.put(endpoint("a", "m"));
    fail("a", 3);
    f.pool.remove("a");
    f.pool.put(endpoint("a", "m"));
    assertThat(f.detector.isAvailable("a")).isTrue();
  }

  @Test
  void ejection_length_doubles_from_the_base_and_stops_at_the_cap() {
    Map<Integer, Long> expected = Map.of(1, 10L, 2, 20L, 3, 35L, 40, 35L);
    expected.forEach((k, seconds) ->
        assertThat(OutlierDetector.ejectionLength(k, SETTINGS)).as("ejection %d", k).hasSeconds(seconds));
  }
}
