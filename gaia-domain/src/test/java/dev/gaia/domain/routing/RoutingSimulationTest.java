package dev.gaia.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.domain.routing.RoutingSimulation.Result;
import dev.gaia.domain.routing.RoutingSimulation.Scenario;
import dev.gaia.domain.routing.RoutingSimulation.SyntheticNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replay with {@code -Dgaia.seed=<seed>}. */
class RoutingSimulationTest {
  private static final long SEED = Long.getLong("gaia.seed", 7L);

  /**
   * Two fast nodes, a middling one and a slow one; requests arrive at the rate that keeps the slow
   * node {@code slowUtilisation} busy under equal-weight random routing ({@code λ/4} of its
   * capacity), so weighted random stays stable (below 1) and the comparison is not against an
   * overflowing queue. At 0.8 that is about 34% of the nodes' total capacity.
   */
  static Scenario heterogeneous(int requests, double slowUtilisation) {
    SyntheticNode slow = new SyntheticNode("slow", 4, Duration.ofMillis(600), 15);
    List<SyntheticNode> nodes = List.of(
        new SyntheticNode("fast-a", 4, Duration.ofMillis(150), 50),
        new SyntheticNode("fast-b", 4, Duration.ofMillis(150), 50),
        new SyntheticNode("middling", 4, Duration.ofMillis(300), 25),
        slow);
    double meanTokens = 100;
    double slowCapacity = slow.slots() / (0.6 + meanTokens / slow.tokensPerSecond());
    return new Scenario(nodes, 4 * slowUtilisation * slowCapacity, requests, meanTokens, new HalfLife.Requests(20));
  }

  private static double p95Ratio(Scenario scenario, String label) {
    RoutingSimulation simulation = RoutingSimulation.of(scenario);
    Result ours = simulation.run(RoutingPolicy.leastLoaded(AffinitySettings.defaults()), SEED);
    Result gaia = simulation.run(RoutingPolicy.weightedRandom(Map.of()), SEED);
    assertThat(ours.requests()).isEqualTo(scenario.requests());
    assertThat(gaia.requests()).isEqualTo(scenario.requests());
    double ratio = ours.p95().toNanos() / (double) gaia.p95().toNanos();
    System.out.printf("%s, seed %d, %.0f%% of capacity%n least-loaded  %s%n weighted-rand %s%n p95 ratio %.3f%n",
        label, SEED, 100 * scenario.arrivalsPerSecond() / scenario.capacityPerSecond(), ours, gaia, ratio);
    return ratio;
  }

  @Test
  void least_loaded_halves_p95_against_weighted_random_when_the_slow_node_is_busy() {
    double ratio = p95Ratio(heterogeneous(20_000, 0.8), "slow node 80% busy under weighted random");
    assertThat(ratio).as("p95 ratio, seed %d", SEED).isLessThanOrEqualTo(0.5);
  }

  @Test
  void least_loaded_beats_weighted_random_at_light_load_too() {
    // The floor here is the fast nodes' own service time (long completions), so the gain is smaller.
    double ratio = p95Ratio(heterogeneous(20_000, 0.5), "slow node 50% busy under weighted random");
    assertThat(ratio).as("p95 ratio, seed %d", SEED).isLessThanOrEqualTo(0.75);
  }

  @Test
  void a_run_is_a_function_of_its_seed() {
    RoutingSimulation simulation = RoutingSimulation.of(heterogeneous(2_000, 0.8));
    RoutingPolicy policy = RoutingPolicy.leastLoaded(AffinitySettings.defaults());
    assertThat(simulation.run(policy, SEED)).isEqualTo(simulation.run(policy, SEED));
    assertThat(simulation.run(policy, SEED)).isNotEqualTo(simulation.run(policy, SEED + 1));
  }

  @Test
  void percentiles_are_nearest_rank() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(RoutingSimulation.percentile(sorted, 0.5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(RoutingSimulation.percentile(sorted, 0.95)).isEqualTo(Duration.ofSeconds(10));
    assertThat(RoutingSimulation.percentile(sorted, 0.1)).isEqualTo(Duration.ofSeconds(1));
  }
}
