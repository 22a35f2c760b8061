package dev.gaia.domain.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routable nodes and their live statistics, shared by the routing policies. The gateway's
 * registry calls {@link #put} when a node joins or changes (models, URL) and {@link #remove} when
 * it leaves; routers call {@link #started} and {@link #finished} for every request.
 *
 * <p>Thread-safety: the hot path ({@code started}, {@code finished}, {@link #eligible}) takes no
 * lock: statistics are per-node atomics, and membership is a copy-on-write snapshot (an immutable
 * list in a volatile field) rebuilt under this pool's monitor only when membership changes.
 */
public final class NodePool {
  private final HalfLife halfLife;
  private final OutlierDetector detector;
  private final Clock clock;
  private final ConcurrentHashMap<String, PooledNode> byAddress = new ConcurrentHashMap<>();
  private volatile List<PooledNode> snapshot = List.of();

  private NodePool(HalfLife halfLife, OutlierDetector detector, Clock clock) {
    this.halfLife = halfLife;
    this.detector = detector;
    this.clock = clock;
  }

  /**
   * @param halfLife how fast the speed averages forget ({@link NodeStats})
   * @param detector decides which nodes are ejected or silent; the pool tells it of every outcome
   * @param clock for time half-lives and last-success times
   */
  public static NodePool create(HalfLife halfLife, OutlierDetector detector, Clock clock) {
    return new NodePool(
        Objects.requireNonNull(halfLife, "halfLife"),
        Objects.requireNonNull(detector, "detector"),
        Objects.requireNonNull(clock, "clock"));
  }

  /** Adds a node, or updates a known one's endpoint keeping its statistics and health. */
  public synchronized void put(NodeEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    PooledNode known = byAddress.get(endpoint.address());
    NodeStats stats = known == null ? new NodeStats(halfLife, clock) : known.stats();
    detector.track(endpoint.address());
    byAddress.put(endpoint.address(), new PooledNode(endpoint, stats));
    rebuildSnapshot();
  }

  /** Removes a node and forgets its statistics; false if it was not in the pool. */
  public synchronized boolean remove(String address) {
    boolean removed = byAddress.remove(address) != null;
    if (removed) {
      detector.forget(address);
      rebuildSnapshot();
    }
    return removed;
  }

  /** Every node in the pool, available or not, in address order. */
  public List<NodeEndpoint> endpoints() {
    return snapshot.stream().map(PooledNode::endpoint).toList();
  }

  /** The nodes that may get traffic now (not ejected, heard from recently), in address order. */
  public List<NodeEndpoint> available() {
    return snapshot.stream().filter(n -> detector.isAvailable(n.address())).map(PooledNode::endpoint).toList();
  }

  public Optional<NodeStats> stats(String address) {
    return Optional.ofNullable(byAddress.get(address)).map(PooledNode::stats);
  }

  public OutlierDetector detector() {
    return detector;
  }

  /** A request was sent to the node; ignored for an unknown address. */
  public void started(String address) {
    PooledNode node = byAddress.get(address);
    if (node != null) {
      node.stats().started();
    }
  }

  /** A request to the node ended; updates its statistics and health. Ignored for an unknown address. */
  public void finished(String address, Outcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    PooledNode node = byAddress.get(address);
    if (node == null) {
      return;
    }
    node.stats().finished(outcome);
    switch (outcome) {
      case Outcome.Success _ -> detector.succeeded(address);
      case Outcome.Failure _ -> detector.failed(address, node.stats().consecutiveFailures());
      case Outcome.Neutral _ -> { }
    }
  }

  /**
   * The nodes a request may go to: serving its model (any node when it names none), not in {@code
   * excluded}, available. O(nodes); in address order.
   */
  List<PooledNode> eligible(RouteRequest request, Set<String> excluded) {
    List<PooledNode> all = snapshot;
    List<PooledNode> eligible = new ArrayList<>(all.size());
    for (PooledNode node : all) {
      if (excluded.contains(node.address())) {
        continue;
      }
      if (request.model().isPresent() && !node.endpoint().models().contains(request.model().get())) {
        continue;
      }
      if (detector.isAvailable(node.address())) {
        eligible.add(node);
      }
    }
    return eligible;
  }

  /**
   * The median of {@link NodeStats#expectedServiceSeconds()} over the nodes that have one; empty
   * when none has. O(n log n); routers ask only when a candidate has no data of its own.
   */
  OptionalDouble medianServiceSeconds() {
    double[] known = snapshot.stream()
        .map(n -> n.stats().expectedServiceSeconds())
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .sorted()
        .toArray();
    if (known.length == 0) {
      return OptionalDouble.empty();
    }
    int mid = known.length / 2;
    return OptionalDouble.of(known.length % 2 == 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2);
  }

  private void rebuildSnapshot() {
    PooledNode[] nodes = byAddress.values().toArray(PooledNode[]::new);
    Arrays.sort(nodes, (a, b) -> a.address().compareTo(b.address()));
    snapshot = List.of(nodes);
  }
}
