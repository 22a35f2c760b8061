package dev.gaia.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Fusion;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.Query;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores, ranks and fusion on five handcrafted chunks. Against the query vector (1, 0, 0, 0) the
 * cosines are A 0.95, B 0.8, C 0.5, D 0.2, E -0.5; for the word "zebra" BM25 ranks C (twice in
 * three words), A (once in three), E (once in five), and B and D do not match.
 */
class ChunkIndexTest {
  private static final float[] Q = {1, 0, 0, 0};
  @TempDir static Path dir;
  private static ChunkIndex index;

  @BeforeAll
  static void build() {
    List<Chunk> chunks = List.of(
        chunk("A", "a zebra grazes"),
        chunk("B", "lions hunt at dawn"),
        chunk("C", "zebra zebra stripes"),
        chunk("D", "a quiet morning downtown"),
        chunk("E", "zebra crossing for pedestrians everywhere"));
    List<float[]> vectors = List.of(at(0.95), at(0.8), at(0.5), at(0.2), at(-0.5));
    ChunkIndex.build(dir, chunks, vectors, IndexSettings.defaults());
    index = ChunkIndex.open(dir);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void vector_only_scores_are_raw_cosines_best_first() {
    List<Hit> hits = index.search(query(5, 0, new Fusion.VectorOnly()));
    assertThat(ids(hits)).containsExactly("A", "B", "C", "D", "E");
    assertThat(hits.get(0).score()).isCloseTo(0.95, within(1e-5));
    assertThat(hits.get(2).score()).isCloseTo(0.5, within(1e-5));
    assertThat(hits.get(4).score()).as("negative cosine clips to 0").isEqualTo(0.0);
    assertThat(hits).extracting(Hit::vectorRank).containsExactly(1, 2, 3, 4, 5);
    assertThat(hits).extracting(Hit::keywordRank).containsOnly(0);
  }

  @Test
  void vector_threshold_is_a_cosine_threshold() {
    assertThat(ids(index.search(query(5, 0.6, new Fusion.VectorOnly())))).containsExactly("A", "B");
    assertThat(ids(index.search(query(1, 0.6, new Fusion.VectorOnly())))).containsExactly("A");
  }

  @Test
  void keyword_only_ranks_by_bm25_normalised_by_the_best() {
    List<Hit> hits = index.search(query(5, 0, new Fusion.KeywordOnly()));
    assertThat(ids(hits)).containsExactly("C", "A", "E");
    assertThat(hits.get(0).score()).isEqualTo(1.0);
    assertThat(hits.get(1).score()).isStrictlyBetween(0.0, 1.0);
    assertThat(hits).extracting(Hit::keywordRank).containsExactly(1, 2, 3);
    assertThat(hits).extracting(Hit::vectorRank).containsOnly(0);
  }

  @Test
  void keyword_only_with_no_words_finds_nothing() {
    assertThat(index.search(new Query("?!", Q, 5, 0, new Fusion.KeywordOnly()))).isEmpty();
  }

  @Test
  void reciprocal_rank_fusion_orders_by_summed_reciprocal_ranks() {
    // A 1/61+1/62, C 1/63+1/61, E 1/65+1/63, B 1/62, D 1/64.
    List<Hit> hits = index.search(query(5, 0, new Fusion.ReciprocalRank(60, 10)));
    assertThat(ids(hits)).containsExactly("A", "C", "E", "B", "D");
    assertThat(hits.get(0)).extracting(Hit::vectorRank, Hit::keywordRank).containsExactly(1, 2);
    assertThat(hits.get(1).score()).as("score stays the cosine").isCloseTo(0.5, within(1e-5));
  }

  @Test
  void fused_score_of_a_keyword_only_hit_is_its_exact_cosine() {
    // Two candidates each: vectors A, B; keywords C, A. C came from BM25 only.
    List<Hit> hits = index.search(query(5, 0, new Fusion.ReciprocalRank(60, 2)));
    assertThat(ids(hits)).containsExactly("A", "C", "B");
    Hit c = hits.get(1);
    assertThat(c.vectorRank()).isZero();
    assertThat(c.keywordRank()).isEqualTo(1);
    assertThat(c.score()).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void threshold_zero_keeps_keyword_hits_with_negative_cosine_and_a_positive_one_drops_them() {
    List<Hit> kept = index.search(query(5, 0, new Fusion.ReciprocalRank(60, 3)));
    assertThat(ids(kept)).contains("E");
    assertThat(kept.stream().filter(h -> h.chunk().id().equals("E")).findFirst().orElseThrow().score()).isZero();
    assertThat(ids(index.search(query(5, 0.01, new Fusion.ReciprocalRank(60, 3))))).doesNotContain("E");
    assertThat(ids(index.search(query(5, 0.6, new Fusion.ReciprocalRank(60, 2))))).containsExactly("A", "B");
  }

  @Test
  void weighted_with_weight_one_orders_like_vector_only() {
    assertThat(ids(index.search(query(5, 0, new Fusion.Weighted(1, 10)))))
        .containsExactlyElementsOf(ids(index.search(query(5, 0, new Fusion.VectorOnly()))));
  }

  @Test
  void weighted_with_weight_zero_orders_like_keyword_only() {
    List<String> keyword = ids(index.search(query(5, 0, new Fusion.KeywordOnly())));
    List<String> weighted = ids(index.search(query(5, 0, new Fusion.Weighted(0, 10))));
    assertThat(weighted.subList(0, keyword.size())).containsExactlyElementsOf(keyword);
  }

  @Test
  void weighted_in_between_mixes_both() {
    // w = 0.5: A 0.5*0.95 + 0.5*bm25(A)/bm25(C) beats C 0.5*0.5 + 0.5*1 as long as A's BM25 is
    // above 0.55 of C's, which holds for one "zebra" in three words against two in three.
    List<Hit> hits = index.search(query(2, 0, new Fusion.Weighted(0.5, 10)));
    assertThat(ids(hits)).containsExactly("A", "C");
  }

  static Query query(int limit, double threshold, Fusion fusion) {
    return new Query("zebra", Q, limit, threshold, fusion);
  }

  static List<String> ids(List<Hit> hits) {
    return hits.stream().map(h -> h.chunk().id()).toList();
  }

  /** A unit vector with the given cosine to (1, 0, 0, 0), off in the second axis. */
  private static float[] at(double cosine) {
    return new float[] {(float) cosine, (float) Math.sqrt(1 - cosine * cosine), 0, 0};
  }

  private static Chunk chunk(String id, String text) {
    return new Chunk(id, id + ".md", "title " + id, List.of("h1", "h2"), 3, 10, 10 + text.length(), text, text);
  }
}
