package dev.gaia.domain.routing;

import static dev.gaia.domain.routing.RoutingFixtures.endpoint;
import static dev.gaia.domain.routing.RoutingFixtures.keyed;
import static dev.gaia.domain.routing.RoutingFixtures.model;
import static dev.gaia.domain.routing.RoutingFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LeastLoadedRouterTest extends RouterContract {

  @Override
  Router router(NodePool pool, RandomGenerator random) {
    return LeastLoadedRouter.create(pool, AffinitySettings.defaults(), random);
  }

  private Router router(long seed) {
    return router(f.pool, new SplittableRandom(seed));
  }

  /** Sends a request through the router and leaves it outstanding; returns the node. */
  private String send(Router router, RouteRequest request) {
    String address = router.choose(request, Set.of()).orElseThrow().address();
    router.started(address);
    return address;
  }

  @Test
  void picks_the_kth_best_of_n_with_the_exact_p2c_probability() {
    // oracle: P2C draws a uniform pair, so the k-th lowest score of n wins with 2(n-k) / (n(n-1))
    int n = 5;
    for (int i = 0; i < n; i++) {
      f.pool.put(endpoint("n" + i, "m"));
      for (int k = 0; k < i; k++) {
        f.pool.started("n" + i); // no speed data: same prior, so score ranks by outstanding = i
      }
    }
    Router router = router(SEED);
    int draws = 100_000;
    Map<String, Integer> counts = new HashMap<>();
    for (int d = 0; d < draws; d++) {
      counts.merge(router.choose(model("m"), Set.of()).orElseThrow().address(), 1, Integer::sum);
    }
    for (int k = 1; k <= n; k++) {
      double p = 2.0 * (n - k) / (n * (n - 1));
      double sigma = Math.sqrt(draws * p * (1 - p));
      assertThat((double) counts.getOrDefault("n" + (k - 1), 0))
          .as("rank %d, seed %d", k, SEED)
          .isBetween(draws * p - 4 * sigma, draws * p + 4 * sigma);
    }
  }

  @Test
  void a_slow_node_gets_a_clearly_smaller_share_under_load() {
    for (String address : new String[] {"fast-a", "fast-b", "slow"}) {
      f.pool.put(endpoint(address, "m"));
    }
    // service: time to first byte, then 100 tokens at 50 tok/s; the slow node's prefill is 20× longer
    Map<String, Long> ttfbMillis = Map.of("fast-a", 200L, "fast-b", 200L, "slow", 4_000L);
    Router router = router(SEED);
    record Finish(double at, String address) {}
    PriorityQueue<Finish> inFlight = new PriorityQueue<>(java.util.Comparator.comparingDouble(Finish::at));
    Map<String, Integer> counts = new HashMap<>();
    int requests = 30_000;
    for (int i = 0; i < requests; i++) {
      double now = i * 0.25; // 4 requests per second, each served in parallel (no queueing)
      while (!inFlight.isEmpty() && inFlight.peek().at() <= now) {
        String done = inFlight.poll().address();
        long ttfb = ttfbMillis.get(done);
        router.finished(done, success(ttfb, 100, ttfb + 2_000));
      }
      String address = send(router, model("m"));
      counts.merge(address, 1, Integer::sum);
      inFlight.add(new Finish(now + ttfbMillis.get(address) / 1e3 + 2, address));
    }
    System.out.printf("shares under load, seed %d: %s%n", SEED, counts);
    assertThat(counts.get("slow") / (double) requests).as("seed %d", SEED).isLessThan(0.15);
    assertThat(counts.get("fast-a") / (double) requests).as("seed %d", SEED).isGreaterThan(0.4);
    assertThat(counts.get("fast-b") / (double) requests).as("seed %d", SEED).isGreaterThan(0.4);
  }

  /** Spread (most minus fewest outstanding) after each request, 40 in flight over 4 equal nodes. */
  private int[] spreads(Router router, NodePool pool) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> inFlight = new ArrayList<>();
    int[] spreads = new int[20_000];
    for (int i = 0; i < spreads.length; i++) {
      inFlight.add(send(router, model("m")));
      while (inFlight.size() > 40) { // a random request finishes, as with mixed lengths
        router.finished(inFlight.remove(random.nextInt(inFlight.size())), success(100, 50, 1_100));
      }
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int n = 0; n < 4; n++) {
        int outstanding = pool.stats("n" + n).orElseThrow().outstanding();
        min = Math.min(min, outstanding);
        max = Math.max(max, outstanding);
      }
      spreads[i] = max - min;
    }
    inFlight.forEach(address -> router.finished(address, success(100, 50, 1_100)));
    for (int n = 0; n < 4; n++) {
      assertThat(pool.stats("n" + n).orElseThrow().outstanding()).isZero();
    }
    Arrays.sort(spreads);
    return spreads;
  }

  @Test
  void outstanding_requests_stay_balanced_across_equal_nodes() {
    RoutingFixtures random = new RoutingFixtures();
    for (int i = 0; i < 4; i++) {
      f.pool.put(endpoint("n" + i, "m"));
      random.pool.put(endpoint("n" + i, "m"));
      f.train("n" + i, success(100, 50, 1_100), 5);
    }
    int[] ours = spreads(router(SEED), f.pool);
    int[] uniform = spreads(WeightedRandomRouter.create(random.pool, Map.of(), new SplittableRandom(SEED)), random.pool);
    double oursMean = Arrays.stream(ours).average().orElseThrow();
    double uniformMean = Arrays.stream(uniform).average().orElseThrow();
    System.out.printf("spread, seed %d: P2C mean %.2f p99 %d max %d; uniform random mean %.2f p99 %d max %d%n", SEED,
        oursMean, ours[ours.length * 99 / 100], ours[ours.length - 1],
        uniformMean, uniform[uniform.length * 99 / 100], uniform[uniform.length - 1]);
    assertThat(oursMean).as("seed %d", SEED).isLessThan(0.5 * uniformMean);
    assertThat(ours[ours.length * 99 / 100]).as("seed %d", SEED).isLessThanOrEqualTo(6);
  }

  @Test
  void a_new_node_without_data_gets_traffic() {
    f.pool.put(endpoint("old-a", "m"));
    f.pool.put(endpoint("old-b", "m"));
    f.train("old-a", success(200, 100, 2_200), 10);
    f.train("old-b", success(300, 100, 3_300), 10);
    f.pool.put(endpoint("new", "m"));
    assertThat(f.pool.medianServiceSeconds().getAsDouble()).isBetween(2.2, 3.3);
    Router router = router(SEED);
    int picked = 0;
    for (int i = 0; i < 3_000; i++) {
      picked += router.choose(model("m"), Set.of()).orElseThrow().address().equals("new") ? 1 : 0;
    }
    // the median prior ranks it between the two: the middle of three wins 1/3 of the draws
    assertThat(picked / 3_000.0).as("seed %d", SEED).isBetween(0.25, 0.42);
  }

  @Test
  void affinity_pins_a_repeated_key_while_load_is_balanced() {
    for (int i = 0; i < 4; i++) {
      f.pool.put(endpoint("n" + i, "m"));
    }
    Router router = router(SEED);
    for (int conversation = 0; conversation < 20; conversation++) {
      String key = "conversation-" + conversation;
      String first = send(router, keyed("m", key));
      router.finished(first, success(100, 10, 500));
      for (int turn = 0; turn < 10; turn++) {
        send(router, model("m")); // background traffic, spread by P2C
        String next = send(router, keyed("m", key));
        assertThat(next).as("%s turn %d, seed %d", key, turn, SEED).isEqualTo(first);
        router.finished(next, success(100, 10, 500));
      }
    }
  }

  @Test
  void affinity_releases_a_key_under_imbalance_and_re_pins_it() {
    for (int i = 0; i < 3; i++) {
      f.pool.put(endpoint("n" + i, "m"));
    }
    Router router = router(SEED);
    String pinned = send(router, keyed("m", "k"));
    assertThat(send(router, keyed("m", "k"))).isEqualTo(pinned); // 1 outstanding ≤ 1.5·0 + 1
    String moved = send(router, keyed("m", "k")); // 2 > 1.5·0 + 1: P2C picks a less loaded node
    assertThat(moved).isNotEqualTo(pinned);
    assertThat(send(router, keyed("m", "k"))).isEqualTo(moved); // re-pinned: 1 ≤ 1.5·0 + 1
  }

  @Test
  void affinity_falls_back_when_the_pinned_node_is_excluded() {
    f.pool.put(endpoint("a", "m"));
    f.pool.put(endpoint("b", "m"));
    Router router = router(SEED);
    String pinned = router.choose(keyed("m", "k"), Set.of()).orElseThrow().address();
    String retry = router.choose(keyed("m", "k"), Set.of(pinned)).orElseThrow().address();
    assertThat(retry).isNotEqualTo(pinned);
    assertThat(router.choose(keyed("m", "k"), Set.of()).orElseThrow().address()).isEqualTo(retry);
  }

  @Test
  void score_is_outstanding_plus_one_times_service_time() {
    assertThat(LeastLoadedRouter.score(0, 2.0)).isEqualTo(2.0);
    assertThat(LeastLoadedRouter.score(3, 0.5)).isEqualTo(2.0);
  }

  @Test
  void expected_service_time_is_ttfb_plus_decode_time() {
    f.pool.put(endpoint("a", "m"));
    f.train("a", success(500, 100, 2_500), 3); // 100 tokens in 2 s after the first byte: 50 tok/s
    NodeStats stats = f.pool.stats("a").orElseThrow();
    assertThat(stats.timeToFirstByteSeconds().getAsDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(stats.tokensPerSecond().getAsDouble()).isCloseTo(50.0, within(1e-9));
    assertThat(stats.completionTokens().getAsDouble()).isCloseTo(100.0, within(1e-9));
    assertThat(stats.expectedServiceSeconds().getAsDouble()).isCloseTo(2.5, within(1e-9));
    assertThat(stats.lastSuccess()).hasValue(f.clock.instant());
    f.train("a", success(800, 30, 800), 1); // arrived in one piece: only time to first byte learns
    assertThat(stats.tokensPerSecond().getAsDouble()).isCloseTo(50.0, within(1e-9));
    assertThat(stats.timeToFirstByteSeconds().getAsDouble()).isGreaterThan(0.5);
  }
}
