package dev.gaia.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExactVectorSearchTest {
  @Test
  void returns_the_k_highest_cosines_best_first_whatever_the_vector_lengths() {
    ExactVectorSearch exact = new ExactVectorSearch(List.of(
        new float[] {0, 1}, new float[] {10, 0}, new float[] {1, 1}, new float[] {-1, 0}));
    List<ExactVectorSearch.Neighbor> best = exact.search(new float[] {2, 0}, 3);
    assertThat(best).extracting(ExactVectorSearch.Neighbor::ordinal).containsExactly(1, 2, 0);
    assertThat(best.get(0).cosine()).isCloseTo(1f, within(1e-6f));
    assertThat(best.get(1).cosine()).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    assertThat(best.get(2).cosine()).isCloseTo(0f, within(1e-6f));
  }
}
