package dev.gaia.domain.routing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A discrete-event simulation of a domain: synthetic nodes with their own speeds, requests
 * arriving as a Poisson process, a routing policy in between. No threads, sockets or sleeping: time
 * is a {@link ManualClock} moved from event to event, and everything random comes from one seed, so
 * a run is a pure function of (scenario, policy, seed).
 *
 * <p>Model: every request asks for one model all nodes serve, with a completion length drawn from
 * an exponential distribution of mean {@link Scenario#meanCompletionTokens()} (at least 1 token). A
 * node serves up to {@link SyntheticNode#slots()} requests at once and queues the rest in arrival
 * order (like an inference server's parallel slots). A request's service time on a node is {@code
 * prefill + tokens / speed}: prefill exponential with mean {@link
 * SyntheticNode#meanTimeToFirstByte()}, speed {@link SyntheticNode#tokensPerSecond()} times a
 * factor uniform in [0.8, 1.2]. Its latency is queueing plus service; the router is told the time
 * to first byte (queueing plus prefill), the tokens and the latency, as the gateway would measure
 * them. Failures are not simulated.
 */
public final class RoutingSimulation {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final String MODEL = "sim-model";

  /**
   * @param address node id
   * @param slots requests served at once
   * @param meanTimeToFirstByte mean prefill time on an idle slot
   * @param tokensPerSecond mean decode speed of one slot
   */
  public record SyntheticNode(String address, int slots, Duration meanTimeToFirstByte, double tokensPerSecond) {
    public SyntheticNode {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(meanTimeToFirstByte, "meanTimeToFirstByte");
      if (slots < 1) {
        throw new IllegalArgumentException("slots must be >= 1, was " + slots);
      }
      if (meanTimeToFirstByte.isNegative()) {
        throw new IllegalArgumentException("meanTimeToFirstByte must not be negative");
      }
      if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
        throw new IllegalArgumentException("tokensPerSecond must be positive, was " + tokensPerSecond);
      }
    }
  }

  /**
   * @param nodes the domain's nodes, distinct addresses
   * @param arrivalsPerSecond mean rate of the Poisson arrivals
   * @param requests how many requests arrive in the run
   * @param meanCompletionTokens mean completion length
   * @param halfLife for the pool's speed averages
   */
  public record Scenario(
      List<SyntheticNode> nodes, double arrivalsPerSecond, int requests, double meanCompletionTokens, HalfLife halfLife) {
    public Scenario {
      nodes = List.copyOf(nodes);
      Objects.requireNonNull(halfLife, "halfLife");
      if (nodes.isEmpty()) {
        throw new IllegalArgumentException("a scenario needs nodes");
      }
      if (nodes.stream().map(SyntheticNode::address).distinct().count() != nodes.size()) {
        throw new IllegalArgumentException("node addresses must be distinct");
      }
      if (!(arrivalsPerSecond > 0) || Double.isInfinite(arrivalsPerSecond)) {
        throw new IllegalArgumentException("arrivalsPerSecond must be positive, was " + arrivalsPerSecond);
      }
      if (requests < 1) {
        throw new IllegalArgumentException("requests must be >= 1, was " + requests);
      }
      if (!(meanCompletionTokens >= 1) || Double.isInfinite(meanCompletionTokens)) {
        throw new IllegalArgumentException("meanCompletionTokens must be >= 1, was " + meanCompletionTokens);
      }
    }

    /** Requests per second the nodes can serve at most, on average: {@code Σ slots / E[service]}. */
    public double capacityPerSecond() {
      double capacity = 0;
      for (SyntheticNode node : nodes) {
        double service = seconds(node.meanTimeToFirstByte()) + meanCompletionTokens / node.tokensPerSecond();
        capacity += node.slots() / service;
      }
      return capacity;
    }
  }

  /**
   * Latencies (arrival to last byte) over every request of a run; percentiles by nearest rank.
   *
   * @param servedByNode requests each node served, in the scenario's node order
   * @param unrouted requests the policy found no node for (not in the percentiles)
   */
  public record Result(
      int requests, Duration p50, Duration p95, Duration p99, Duration max, Map<String, Integer> servedByNode, int unrouted) {
    public Result {
      servedByNode = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(servedByNode));
    }
  }

  private final Scenario scenario;

  private RoutingSimulation(Scenario scenario) {
    this.scenario = scenario;
  }

  public static RoutingSimulation of(Scenario scenario) {
    return new RoutingSimulation(Objects.requireNonNull(scenario, "scenario"));
  }

  /** Runs the scenario under {@code policy}; the same seed gives the same result. */
  public Result run(RoutingPolicy policy, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom workload = root.split();
    SplittableRandom routing = root.split();
    ManualClock clock = new ManualClock(START);
    OutlierDetector detector =
        OutlierDetector.create(OutlierSettings.defaults().withHeartbeatTimeout(Optional.empty()), clock);
    NodePool pool = NodePool.create(scenario.halfLife(), detector, clock);
    Map<String, SimNode> nodes = new LinkedHashMap<>();
    for (SyntheticNode node : scenario.nodes()) {
      pool.put(new NodeEndpoint(node.address(), URI.create("http://" + node.address() + ".sim"), Set.of(MODEL)));
      nodes.put(node.address(), new SimNode(node));
    }
    Router router = policy.create(pool, routing);
    RouteRequest request = new RouteRequest(Optional.of(MODEL), Optional.empty());

    PriorityQueue<Event> events = new PriorityQueue<>();
    long sequence = 0;
    double[] latencies = new double[scenario.requests()];
    int completed = 0;
    int unrouted = 0;
    int arrived = 0;
    events.add(new Event.Arrival(exponential(workload, 1 / scenario.arrivalsPerSecond()), sequence++));
    while (!events.isEmpty()) {
      Event event = events.poll();
      clock.set(at(event.time()));
      switch (event) {
        case Event.Arrival arrival -> {
          arrived++;
          if (arrived < scenario.requests()) {
            events.add(new Event.Arrival(
                arrival.time() + exponential(workload, 1 / scenario.arrivalsPerSecond()), sequence++));
          }
          Optional<NodeEndpoint> chosen = router.choose(request, Set.of());
          if (chosen.isEmpty()) {
            unrouted++;
            continue;
          }
          SimNode node = nodes.get(chosen.get().address());
          router.started(node.spec.address());
          Job job = node.newJob(arrival.time(), scenario.meanCompletionTokens(), workload);
          if (node.busy < node.spec.slots()) {
            events.add(node.begin(job, arrival.time(), sequence++));
          } else {
            node.queue.add(job);
          }
        }
        case Event.Completion completion -> {
          Job job = completion.job();
          SimNode node = nodes.get(job.address());
          double latency = completion.time() - job.arrival();
          latencies[completed++] = latency;
          router.finished(job.address(), new Outcome.Success(
              duration(job.start() - job.arrival() + job.prefill()), job.tokens(), duration(latency)));
          node.busy--;
          node.served++;
          Job next = node.queue.poll();
          if (next != null) {
            events.add(node.begin(next, completion.time(), sequence++));
          }
        }
      }
    }
    double[] sorted = Arrays.copyOf(latencies, completed);
    Arrays.sort(sorted);
    Map<String, Integer> served = new LinkedHashMap<>();
    nodes.forEach((address, node) -> served.put(address, node.served));
    return new Result(completed, percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
        percentile(sorted, 1.0), served, unrouted);
  }

  /** Nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
  static Duration percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Duration.ZERO;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return duration(sorted[Math.max(0, rank - 1)]);
  }

  private static double exponential(SplittableRandom random, double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }

  private static Instant at(double seconds) {
    return START.plus(duration(seconds));
  }

  private static Duration duration(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  /** Events in time order; ties in creation order, so runs are deterministic. */
  private sealed interface Event extends Comparable<Event> {
    double time();

    long sequence();

    @Override
    default int compareTo(Event other) {
      int byTime = Double.compare(time(), other.time());
      return byTime != 0 ? byTime : Long.compare(sequence(), other.sequence());
    }

    record Arrival(double time, long sequence) implements Event {}

    record Completion(double time, long sequence, Job job) implements Event {}
  }

  /** One request on one node; times in seconds since the start of the run. */
  private record Job(String address, double arrival, int tokens, double prefill, double decode, double start) {
    Job startingAt(double time) {
      return new Job(address, arrival, tokens, prefill, decode, time);
    }
  }

  /** A synthetic node's slots and queue. Single-threaded (the simulation loop). */
  private static final class SimNode {
    final SyntheticNode spec;
    final ArrayDeque<Job> queue = new ArrayDeque<>();
    int busy;
    int served;

    SimNode(SyntheticNode spec) {
      this.spec = spec;
    }

    Job newJob(double arrival, double meanTokens, SplittableRandom random) {
      int tokens = (int) Math.max(1, Math.round(exponential(random, meanTokens)));
      double prefill = exponential(random, seconds(spec.meanTimeToFirstByte()));
      double speed = spec.tokensPerSecond() * (0.8 + 0.4 * random.nextDouble());
      return new Job(spec.address(), arrival, tokens, prefill, tokens / speed, Double.NaN);
    }

    Event.Completion begin(Job job, double now, long sequence) {
      busy++;
      Job started = job.startingAt(now);
      return new Event.Completion(now + started.prefill() + started.decode(), sequence, started);
    }
  }
}
