package dev.gaia.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Fusion;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.Query;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random word soup with random vectors; replay with {@code -Dgaia.seed=<seed>}. */
class ChunkIndexConcurrencyTest {
  private static final long SEED = Long.getLong("gaia.seed", 99L);
  private static final String[] WORDS = {
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"};

  @TempDir Path dir;

  @Test
  void many_threads_searching_at_once_get_the_single_threaded_results() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    int n = 2_000;
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      chunks.add(textChunk(i, words(random, 12) + (i == 1234 ? " xylophone42" : "")));
    }
    List<float[]> vectors = SyntheticVectors.uniform(n, 32, random);
    ChunkIndex.build(dir, chunks, vectors, IndexSettings.defaults().withWriterThreads(2));
    List<Fusion> fusions = List.of(
        new Fusion.VectorOnly(), new Fusion.KeywordOnly(), Fusion.defaults(), new Fusion.Weighted(0.7, 30));
    List<Query> queries = new ArrayList<>();
    for (int q = 0; q < 200; q++) {
      queries.add(new Query(words(random, 3), SyntheticVectors.uniform(1, 32, random).getFirst(), 10, 0,
          fusions.get(q % fusions.size())));
    }
    try (ChunkIndex index = ChunkIndex.open(dir);
        ExecutorService pool = Executors.newFixedThreadPool(8)) {
      assertThat(index.size()).isEqualTo(n);
      List<Hit> planted = index.search(new Query("xylophone42", queries.getFirst().vector(), 5, 0, new Fusion.KeywordOnly()));
      assertThat(planted).hasSize(1);
      assertThat(planted.getFirst().chunk()).isEqualTo(chunks.get(1234));

      List<List<Hit>> expected = queries.stream().map(index::search).toList();
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        runs.add(pool.submit(() -> {
          for (int r = 0; r < queries.size(); r++) {
            int q = (r + offset * 25) % queries.size();
            if (!index.search(queries.get(q)).equals(expected.get(q))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> run : runs) {
        assertThat(run.get()).as("seed %d", SEED).isTrue();
      }
    }
  }

  private static String words(SplittableRandom random, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private static Chunk textChunk(int i, String text) {
    return new Chunk(String.format("%032x", i), "soup.txt", "soup", List.of(), 0, i, i + text.length(), text, text);
  }
}
