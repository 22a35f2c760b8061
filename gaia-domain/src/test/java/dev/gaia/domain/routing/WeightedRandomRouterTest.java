package dev.gaia.domain.routing;

import static dev.gaia.domain.routing.RoutingFixtures.endpoint;
import static dev.gaia.domain.routing.RoutingFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class WeightedRandomRouterTest extends RouterContract {

  @Override
  Router router(NodePool pool, RandomGenerator random) {
    return WeightedRandomRouter.create(pool, Map.of(), random);
  }

  @Test
  void draws_match_the_weights_within_four_standard_deviations() {
    Map<String, Double> weights = Map.of("a", 1.0, "b", 2.0, "c", 7.0); // d is unlisted: weight 1
    for (String address : new String[] {"a", "b", "c", "d"}) {
      f.pool.put(endpoint(address, "m"));
    }
    Router router = WeightedRandomRouter.create(f.pool, weights, new SplittableRandom(SEED));
    int draws = 200_000;
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < draws; i++) {
      counts.merge(router.choose(model("m"), Set.of()).orElseThrow().address(), 1, Integer::sum);
    }
    Map<String, Double> expected = Map.of("a", 1 / 11.0, "b", 2 / 11.0, "c", 7 / 11.0, "d", 1 / 11.0);
    expected.forEach((address, p) -> {
      double sigma = Math.sqrt(draws * p * (1 - p));
      assertThat((double) counts.get(address))
          .as("%s, seed %d", address, SEED)
          .isBetween(draws * p - 4 * sigma, draws * p + 4 * sigma);
    });
  }

  @Test
  void excluded_nodes_leave_the_others_in_proportion() {
    f.pool.put(endpoint("a", "m"));
    f.pool.put(endpoint("b", "m"));
    f.pool.put(endpoint("c", "m"));
    Router router = WeightedRandomRouter.create(f.pool, Map.of("a", 3.0), new SplittableRandom(SEED));
    int draws = 40_000;
    int a = 0;
    for (int i = 0; i < draws; i++) {
      String address = router.choose(model("m"), Set.of("b")).orElseThrow().address();
      assertThat(address).isNotEqualTo("b");
      a += address.equals("a") ? 1 : 0;
    }
    double sigma = Math.sqrt(draws * 0.75 * 0.25);
    assertThat((double) a).isBetween(draws * 0.75 - 4 * sigma, draws * 0.75 + 4 * sigma);
  }

  @Test
  void rejects_non_positive_weights() {
    assertThatThrownBy(() -> WeightedRandomRouter.create(f.pool, Map.of("a", 0.0), new SplittableRandom(SEED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight of a");
  }
}
