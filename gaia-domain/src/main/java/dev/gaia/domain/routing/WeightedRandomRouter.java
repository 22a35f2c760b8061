package dev.gaia.domain.routing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Gaia's policy, kept for comparison: a node is drawn at random with probability proportional to
 * its configured weight, among the eligible nodes (serving the model, not excluded, not ejected or
 * silent: health is the pool's, shared with every policy). Ignores load and speed; retries are the
 * gateway's, as for every policy. Thread-safety as in {@link LeastLoadedRouter}: that of {@code
 * random}.
 */
public final class WeightedRandomRouter implements Router {
  private final NodePool pool;
  private final Map<String, Double> weights;
  private final RandomGenerator random;

  private WeightedRandomRouter(NodePool pool, Map<String, Double> weights, RandomGenerator random) {
    this.pool = pool;
    this.weights = weights;
    this.random = random;
  }

  /**
   * @param weights per node address, each positive and finite; a node not listed weighs 1 (so an
   *     empty map draws uniformly)
   */
  public static WeightedRandomRouter create(NodePool pool, Map<String, Double> weights, RandomGenerator random) {
    weights.forEach((address, weight) -> {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("weight of " + address + " must be positive and finite, was " + weight);
      }
    });
    return new WeightedRandomRouter(
        Objects.requireNonNull(pool, "pool"), Map.copyOf(weights), Objects.requireNonNull(random, "random"));
  }

  @Override
  public Optional<NodeEndpoint> choose(RouteRequest request, Set<String> excluded) {
    List<PooledNode> eligible = pool.eligible(request, excluded);
    if (eligible.isEmpty()) {
      return Optional.empty();
    }
    double total = 0;
    for (PooledNode node : eligible) {
      total += weight(node);
    }
    double target = random.nextDouble() * total;
    for (PooledNode node : eligible) {
      target -= weight(node);
      if (target < 0) {
        return Optional.of(node.endpoint());
      }
    }
    return Optional.of(eligible.getLast().endpoint());
  }

  @Override
  public void started(String address) {
    pool.started(address);
  }

  @Override
  public void finished(String address, Outcome outcome) {
    pool.finished(address, outcome);
  }

  @Override
  public List<NodeEndpoint> active() {
    return pool.available();
  }

  private double weight(PooledNode node) {
    return weights.getOrDefault(node.address(), 1.0);
  }
}
