package dev.gaia.knowledge.index;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Fusion;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Measures the chunk index on seeded synthetic embeddings: a gaussian mixture of unit vectors
 * (one cluster per 1,000 chunks, at least 8; points at cosine ≈ 0.7 to their centre), queries
 * drawn from the same mixture. Reports build time, single-thread vector search latency through
 * {@link ChunkIndex#search} (hits with stored chunks, as a node serves them, without embedding
 * the query) and of the graph search alone (no stored chunks), recall@10 against
 * {@link ExactVectorSearch}, and the brute-force latency for comparison. Meant for a CLI benchmark; tests only smoke it at small sizes.
 *
 * <p>{@link #dataset} and {@link #run(Dataset, IndexSettings, int)} apart let a caller give the
 * same vectors, queries and exact neighbours to another index (e.g. hnswlib) in the same run.
 */
public final class IndexBenchmark {
  private static final int K = 10;

  private IndexBenchmark() {}

  /**
   * Seeded benchmark data: unit vectors to index and unit queries from the same mixture.
   * The arrays are shared, not copied: nobody may write to them.
   */
  public record Dataset(int dimension, long seed, List<float[]> vectors, List<float[]> queries) {
    public Dataset {
      vectors = List.copyOf(vectors);
      queries = List.copyOf(queries);
      if (vectors.size() < K || queries.isEmpty()) {
        throw new IllegalArgumentException("need at least " + K + " vectors and one query");
      }
      Vectors.requireDimension(vectors, dimension);
      Vectors.requireDimension(queries, dimension);
    }
  }

  /**
   * @param chunkCount vectors in the index
   * @param queries timed queries (the same number run untimed first, to warm the JIT)
   * @param graphP50Micros median of the HNSW graph search alone, without reading stored chunks:
   *     what other HNSW libraries measure
   * @param exactNeighbours per query, the ordinals of the exact top 10 (best first) as the
   *     brute-force oracle found them in the timed run: the truth for any other index's recall
   */
  public record Result(
      int chunkCount,
      int dimension,
      int queries,
      long seed,
      Duration buildTime,
      double p50Micros,
      double p99Micros,
      double graphP50Micros,
      double graphP99Micros,
      double exactP50Micros,
      double exactP99Micros,
      double recallAt10,
      List<List<Integer>> exactNeighbours) {

    public Result {
      exactNeighbours = exactNeighbours.stream().map(List::copyOf).toList();
    }

    /** How many times faster HNSW's median query is than brute force's. */
    public double speedup() {
      return exactP50Micros / p50Micros;
    }

    @Override
    public String toString() {
      return String.format(
          "%d x %d-dim, seed %d: build %.1f s, hnsw p50 %.0f us p99 %.0f us (graph alone %.0f / %.0f us),"
              + " exact p50 %.0f us p99 %.0f us (%.1fx), recall@10 %.4f over %d queries",
          chunkCount, dimension, seed, buildTime.toMillis() / 1000.0, p50Micros, p99Micros, graphP50Micros,
          graphP99Micros, exactP50Micros,
          exactP99Micros, speedup(), recallAt10, queries);
    }
  }

  public static Result run(int chunkCount, int dimension, int queries, long seed) {
    return run(chunkCount, dimension, queries, seed, IndexSettings.defaults(), ChunkIndex.DEFAULT_EF_SEARCH);
  }

  public static Result run(
      int chunkCount, int dimension, int queries, long seed, IndexSettings settings, int efSearch) {
    return run(dataset(chunkCount, dimension, queries, seed), settings, efSearch);
  }

  /** The clustered data {@link #run(int, int, int, long)} measures on; the same for the same seed. */
  public static Dataset dataset(int chunkCount, int dimension, int queries, long seed) {
    if (chunkCount < K || queries < 1) {
      throw new IllegalArgumentException("need at least " + K + " chunks and one query");
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<float[]> centres = SyntheticVectors.centres(Math.max(8, chunkCount / 1000), dimension, random);
    List<float[]> vectors = SyntheticVectors.around(centres, chunkCount, 1.0, random);
    List<float[]> probes = SyntheticVectors.around(centres, queries, 1.0, random);
    return new Dataset(dimension, seed, vectors, probes);
  }

  public static Result run(Dataset data, IndexSettings settings, int efSearch) {
    List<float[]> vectors = data.vectors();
    List<float[]> probes = data.queries();
    int chunkCount = vectors.size();
    int queries = probes.size();
    List<Chunk> chunks = new ArrayList<>(chunkCount);
    for (int i = 0; i < chunkCount; i++) {
      chunks.add(syntheticChunk(i));
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("gaia-index-bench");
      long t0 = System.nanoTime();
      ChunkIndex.build(dir, chunks, vectors, settings);
      Duration build = Duration.ofNanos(System.nanoTime() - t0);
      ExactVectorSearch exact = new ExactVectorSearch(vectors);
      try (ChunkIndex index = ChunkIndex.open(dir, efSearch)) {
        for (float[] probe : probes) {
          index.search(vectorQuery(probe));
          index.nearest(Vectors.unit(probe), K);
        }
        long[] hnswNanos = new long[queries];
        long[] graphNanos = new long[queries];
        long[] exactNanos = new long[queries];
        double found = 0;
        List<List<Integer>> truths = new ArrayList<>(queries);
        for (int q = 0; q < queries; q++) {
          Query query = vectorQuery(probes.get(q));
          long s = System.nanoTime();
          List<Hit> hits = index.search(query);
          hnswNanos[q] = System.nanoTime() - s;
          float[] unit = Vectors.unit(probes.get(q));
          s = System.nanoTime();
          index.nearest(unit, K);
          graphNanos[q] = System.nanoTime() - s;
          s = System.nanoTime();
          List<ExactVectorSearch.Neighbor> truth = exact.search(probes.get(q), K);
          exactNanos[q] = System.nanoTime() - s;
          List<Integer> ordinals = truth.stream().map(ExactVectorSearch.Neighbor::ordinal).toList();
          truths.add(ordinals);
          Set<Integer> expected = new HashSet<>(ordinals);
          for (Hit hit : hits) {
            if (expected.contains(ordinalOf(hit.chunk()))) {
              found++;
            }
          }
        }
        return new Result(
            chunkCount, data.dimension(), queries, data.seed(), build,
            percentile(hnswNanos, 0.50), percentile(hnswNanos, 0.99),
            percentile(graphNanos, 0.50), percentile(graphNanos, 0.99),
            percentile(exactNanos, 0.50), percentile(exactNanos, 0.99),
            found / ((double) queries * K), truths);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(dir);
    }
  }

  static Chunk syntheticChunk(int ordinal) {
    String text = "synthetic chunk " + ordinal;
    return new Chunk(String.format("%032x", ordinal), "bench.txt", "bench", List.of(), 0, 0, text.length(), text, text);
  }

  static int ordinalOf(Chunk chunk) {
    return Integer.parseInt(chunk.id(), 16);
  }

  private static Query vectorQuery(float[] vector) {
    return new Query("", vector, K, 0, new Fusion.VectorOnly());
  }

  /** Nearest-rank percentile in microseconds. */
  private static double percentile(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, rank)] / 1000.0;
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // A leftover temp folder is harmless.
    }
  }
}
