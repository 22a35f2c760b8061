package dev.gaia.domain.routing;

import java.util.Map;
import java.util.random.RandomGenerator;

/** Builds a {@link Router} over a pool: how benchmarks and simulations name the policy they run. */
@FunctionalInterface
public interface RoutingPolicy {

  Router create(NodePool pool, RandomGenerator random);

  /** {@link LeastLoadedRouter} with the given affinity settings. */
  static RoutingPolicy leastLoaded(AffinitySettings affinity) {
    return (pool, random) -> LeastLoadedRouter.create(pool, affinity, random);
  }

  /** {@link WeightedRandomRouter}: Gaia's behaviour; a node missing from {@code weights} weighs 1. */
  static RoutingPolicy weightedRandom(Map<String, Double> weights) {
    return (pool, random) -> WeightedRandomRouter.create(pool, weights, random);
  }
}
