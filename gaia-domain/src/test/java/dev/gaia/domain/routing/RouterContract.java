package dev.gaia.domain.routing;

import static dev.gaia.domain.routing.RoutingFixtures.endpoint;
import static dev.gaia.domain.routing.RoutingFixtures.failure;
import static dev.gaia.domain.routing.RoutingFixtures.model;
import static dev.gaia.domain.routing.RoutingFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** What every {@link Router} over a {@link NodePool} must do. Replay with {@code -Dgaia.seed=<seed>}. */
abstract class RouterContract {
  static final long SEED = Long.getLong("gaia.seed", 42L);

  final RoutingFixtures f = new RoutingFixtures();

  abstract Router router(NodePool pool, RandomGenerator random);

  @Test
  void never_picks_an_excluded_ejected_or_wrong_model_node() {
    SplittableRandom random = new SplittableRandom(SEED);
    Router router = router(f.pool, random.split());
    List<String> models = List.of("llama", "qwen", "phi");
    for (int i = 0; i < 12; i++) {
      f.pool.put(endpoint("n" + i, models.get(i % 3), models.get((i + 1 + (i / 3) % 2) % 3)));
    }
    for (int round = 0; round < 3_000; round++) {
      String address = "n" + random.nextInt(12);
      switch (random.nextInt(4)) {
        case 0 -> f.train(address, failure(), 5); // ejects
        case 1 -> f.detector.readmit(address);
        default -> f.train(address, success(random.nextInt(10, 500), random.nextInt(1, 200), 1_000), 1);
      }
      Set<String> excluded = new HashSet<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        excluded.add("n" + random.nextInt(12));
      }
      String wanted = models.get(random.nextInt(3));
      Optional<NodeEndpoint> chosen = router.choose(model(wanted), excluded);
      List<String> eligible = f.pool.endpoints().stream()
          .filter(e -> e.models().contains(wanted) && !excluded.contains(e.address()))
          .map(NodeEndpoint::address)
          .filter(f.detector::isAvailable)
          .toList();
      if (eligible.isEmpty()) {
        assertThat(chosen).as("seed %d round %d", SEED, round).isEmpty();
      } else {
        assertThat(chosen).as("seed %d round %d", SEED, round).isPresent();
        assertThat(eligible).as("seed %d round %d", SEED, round).contains(chosen.get().address());
      }
    }
  }

  @Test
  void a_request_without_model_may_go_to_any_node_and_empty_when_none() {
    Router router = router(f.pool, new SplittableRandom(SEED));
    RouteRequest any = new RouteRequest(Optional.empty(), Optional.empty());
    assertThat(router.choose(any, Set.of())).isEmpty();
    f.pool.put(endpoint("a", "llama"));
    assertThat(router.choose(any, Set.of())).map(NodeEndpoint::address).hasValue("a");
    assertThat(router.choose(any, Set.of("a"))).isEmpty();
    assertThat(router.choose(model("qwen"), Set.of())).isEmpty();
  }

  @Test
  void updating_an_endpoint_keeps_its_statistics_and_changes_its_models() {
    Router router = router(f.pool, new SplittableRandom(SEED));
    f.pool.put(endpoint("a", "llama"));
    router.started("a");
    f.pool.put(endpoint("a", "qwen"));
    assertThat(f.pool.stats("a").orElseThrow().outstanding()).isEqualTo(1);
    assertThat(router.choose(model("llama"), Set.of())).isEmpty();
    assertThat(router.choose(model("qwen"), Set.of())).map(NodeEndpoint::address).hasValue("a");
    router.finished("a", success(10, 10, 100));
    assertThat(f.pool.stats("a").orElseThrow().outstanding()).isZero();
    assertThat(f.pool.remove("a")).isTrue();
    router.finished("a", success(10, 10, 100)); // late, for a removed node: ignored
    assertThat(router.active()).isEmpty();
  }

  @Test
  void many_threads_choosing_and_finishing_leave_no_request_outstanding() throws Exception {
    for (int i = 0; i < 6; i++) {
      f.pool.put(endpoint("n" + i, "m"));
    }
    Router router = router(f.pool, new Random(SEED)); // java.util.Random is thread-safe
    int threads = 8;
    int perThread = 20_000;
    try (ExecutorService executor = Executors.newFixedThreadPool(threads + 1)) {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = SEED + t;
        runs.add(executor.submit(() -> {
          SplittableRandom random = new SplittableRandom(seed);
          int routed = 0;
          List<String> inFlight = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            Optional<NodeEndpoint> chosen = router.choose(model("m"), Set.of());
            if (chosen.isPresent()) {
              router.started(chosen.get().address());
              inFlight.add(chosen.get().address());
              routed++;
            }
            while (inFlight.size() > random.nextInt(1, 6)) {
              String address = inFlight.remove(random.nextInt(inFlight.size()));
              router.finished(address, random.nextInt(50) == 0
                  ? new Outcome.Neutral()
                  : success(random.nextInt(10, 300), random.nextInt(1, 100), 1_000));
            }
          }
          inFlight.forEach(address -> router.finished(address, success(10, 1, 100)));
          return routed;
        }));
      }
      Future<?> churn = executor.submit(() -> {
        for (int i = 0; i < 2_000; i++) {
          f.pool.put(endpoint("churn", "m"));
          f.pool.remove("churn");
        }
      });
      int routed = 0;
      for (Future<Integer> run : runs) {
        routed += run.get();
      }
      churn.get();
      assertThat(routed).isEqualTo(threads * perThread);
    }
    for (int i = 0; i < 6; i++) {
      assertThat(f.pool.stats("n" + i).orElseThrow().outstanding()).as("n%d, seed %d", i, SEED).isZero();
    }
  }
}
