package dev.gaia.cli.bench;

import dev.gaia.domain.routing.AffinitySettings;
import dev.gaia.domain.routing.HalfLife;
import dev.gaia.domain.routing.RoutingPolicy;
import dev.gaia.domain.routing.RoutingSimulation;
import dev.gaia.domain.routing.RoutingSimulation.Scenario;
import dev.gaia.domain.routing.RoutingSimulation.SyntheticNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gaia's least-loaded routing against weighted random (equal weights) on a simulated heterogeneous
 * domain: two fast nodes, a middling and a slow one, 4 slots each, 100-token mean completions,
 * arrivals at the rate that keeps the slow node 80% busy under random routing. A simulation
 * ({@link RoutingSimulation}), not a measurement: it shows the policy, not the gateway's code paths.
 */
final class RoutingBench {
  private RoutingBench() {}

  static Scenario scenario(int requests) {
    SyntheticNode slow = new SyntheticNode("slow", 4, Duration.ofMillis(600), 15);
    List<SyntheticNode> nodes = List.of(
        new SyntheticNode("fast-a", 4, Duration.ofMillis(150), 50),
        new SyntheticNode("fast-b", 4, Duration.ofMillis(150), 50),
        new SyntheticNode("middling", 4, Duration.ofMillis(300), 25),
        slow);
    double meanTokens = 100;
    double slowCapacity = slow.slots() / (0.6 + meanTokens / slow.tokensPerSecond());
    return new Scenario(nodes, 4 * 0.8 * slowCapacity, requests, meanTokens, new HalfLife.Requests(20));
  }

  /** Medians over {@code seeds} runs from {@code seed} on. */
  static RoutingFigures run(long seed, int seeds, int requests) {
    Scenario scenario = scenario(requests);
    RoutingSimulation simulation = RoutingSimulation.of(scenario);
    List<Double> ours = new ArrayList<>();
    List<Double> random = new ArrayList<>();
    for (long s = seed; s < seed + seeds; s++) {
      ours.add(millis(simulation.run(RoutingPolicy.leastLoaded(AffinitySettings.defaults()), s).p95()));
      random.add(millis(simulation.run(RoutingPolicy.weightedRandom(Map.of()), s).p95()));
    }
    String words = String.format(Locale.ROOT,
        "4 nodes (2 fast: 150 ms prefill, 50 tok/s; 1 middling: 300 ms, 25 tok/s; 1 slow: 600 ms, 15 tok/s; 4 slots each),"
            + " Poisson arrivals at %.1f req/s (%.0f%% of capacity), %d requests of 100 tokens mean, seeds %d..%d, medians",
        scenario.arrivalsPerSecond(), 100 * scenario.arrivalsPerSecond() / scenario.capacityPerSecond(), requests, seed,
        seed + seeds - 1);
    return new RoutingFigures(Median.of(ours), Median.of(random), words);
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }
}
