package dev.gaia.domain.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Least outstanding requests weighted by measured speed, with power-of-two choices and prefix
 * affinity.
 *
 * <p><b>Score.</b> A node's score estimates when a new request would finish there: {@code
 * (outstanding + 1) × S}, with {@code S} its {@link NodeStats#expectedServiceSeconds() expected
 * service time} ({@code ttfb + tokens / tokensPerSecond} from moving averages). A node without
 * data yet gets the pool's median {@code S} (or 1 s when no node has data: then only outstanding
 * counts), so a newcomer gets its share of traffic and is measured.
 *
 * <p><b>Power of two choices.</b> Among the eligible nodes (serving the model, not excluded, not
 * ejected or silent) two distinct ones are drawn uniformly at random and the lower score wins
 * (ties to the first drawn). Comparing two instead of scanning for the global minimum avoids
 * herding every event loop onto the same node between statistics updates; the {@code k}-th best of
 * {@code n} nodes is picked with probability {@code 2(n-k) / (n(n-1))}, never the worst.
 *
 * <p><b>Affinity.</b> When the request has an affinity key whose pinned node is eligible and holds
 * at most {@code loadFactor × least + slack} outstanding requests ({@link AffinitySettings}),
 * it goes there; otherwise P2C picks and the key is re-pinned to the pick.
 *
 * <p>Thread-safe when {@code random} is: pass {@code ThreadLocalRandom.current()} in production
 * (its methods use the calling thread's state), a seeded {@code SplittableRandom} for
 * single-threaded runs and simulations, or a seeded {@code java.util.Random} when a test shares the
 * router between threads.
 */
public final class LeastLoadedRouter implements Router {
  static final double NEUTRAL_SERVICE_SECONDS = 1.0;

  private final NodePool pool;
  private final AffinitySettings affinity;
  private final AffinityTable pins;
  private final RandomGenerator random;

  private LeastLoadedRouter(NodePool pool, AffinitySettings affinity, RandomGenerator random) {
    this.pool = pool;
    this.affinity = affinity;
    this.pins = AffinityTable.create(affinity.capacity());
    this.random = random;
  }

  public static LeastLoadedRouter create(NodePool pool, AffinitySettings affinity, RandomGenerator random) {
    return new LeastLoadedRouter(
        Objects.requireNonNull(pool, "pool"),
        Objects.requireNonNull(affinity, "affinity"),
        Objects.requireNonNull(random, "random"));
  }

  @Override
  public Optional<NodeEndpoint> choose(RouteRequest request, Set<String> excluded) {
    List<PooledNode> eligible = pool.eligible(request, excluded);
    if (eligible.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> key = request.affinityKey();
    if (key.isPresent()) {
      Optional<PooledNode> pinned = pinned(key.get(), eligible);
      if (pinned.isPresent()) {
        return Optional.of(pinned.get().endpoint());
      }
    }
    PooledNode pick = powerOfTwoChoices(eligible);
    key.ifPresent(k -> pins.pin(k, pick.address()));
    return Optional.of(pick.endpoint());
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

  /** The key's pinned node if it is eligible and balanced enough. */
  private Optional<PooledNode> pinned(String key, List<PooledNode> eligible) {
    Optional<String> address = pins.get(key);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    PooledNode pinned = null;
    int least = Integer.MAX_VALUE;
    for (PooledNode node : eligible) {
      least = Math.min(least, node.stats().outstanding());
      if (node.address().equals(address.get())) {
        pinned = node;
      }
    }
    if (pinned == null || !affinity.withinBalance(pinned.stats().outstanding(), least)) {
      return Optional.empty();
    }
    return Optional.of(pinned);
  }

  private PooledNode powerOfTwoChoices(List<PooledNode> eligible) {
    int n = eligible.size();
    if (n == 1) {
      return eligible.getFirst();
    }
    int i = random.nextInt(n);
    int j = random.nextInt(n - 1);
    if (j >= i) {
      j++;
    }
    PooledNode a = eligible.get(i);
    PooledNode b = eligible.get(j);
    Prior prior = new Prior(pool);
    return score(b, prior) < score(a, prior) ? b : a;
  }

  /** {@code (outstanding + 1) × S} in seconds. */
  static double score(int outstanding, double serviceSeconds) {
    return (outstanding + 1) * serviceSeconds;
  }

  private static double score(PooledNode node, Prior prior) {
    double service = node.stats().expectedServiceSeconds().orElseGet(prior::seconds);
    return score(node.stats().outstanding(), service);
  }

  /** The service time assumed for a node without data: computed at most once per choice. */
  private static final class Prior {
    private final NodePool pool;
    private double seconds = Double.NaN;

    Prior(NodePool pool) {
      this.pool = pool;
    }

    double seconds() {
      if (Double.isNaN(seconds)) {
        seconds = pool.medianServiceSeconds().orElse(NEUTRAL_SERVICE_SECONDS);
      }
      return seconds;
    }
  }
}
