package dev.gaia.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code gaia bench kb} measures; an empty section is skipped.
 *
 * @param retrieval recall and MRR on a golden question set, and the query embedding time
 * @param latency HNSW against brute force (and optionally hnswlib) on synthetic vectors
 * @param ingest the full build against the raw embedder on a synthetic corpus
 */
public record KbBenchSettings(Optional<Retrieval> retrieval, Optional<Latency> latency, Optional<Ingest> ingest) {
  public KbBenchSettings {
    Objects.requireNonNull(retrieval, "retrieval");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(ingest, "ingest");
  }

  /**
   * @param documents the sample documents, built into a temporary package with the embedder
   * @param questions JSON Lines of questions and expected sources
   * @param k the cut-off of recall@k
   * @param embedQueries timed single-question embeddings (after as many untimed ones, at most 20)
   */
  public record Retrieval(Path documents, Path questions, int k, int embedQueries) {
    public Retrieval {
      Objects.requireNonNull(documents, "documents");
      Objects.requireNonNull(questions, "questions");
      check(k >= 1, "k must be >= 1");
      check(embedQueries >= 1, "embed queries must be >= 1");
    }
  }

  /**
   * @param sizes chunk counts, each a fresh index of clustered unit vectors
   * @param dimension vector length (384, as all-MiniLM-L6-v2)
   * @param queries timed queries per size
   * @param seed the data's seed; the same seed gives the same vectors
   * @param pythons interpreters to try for {@code hnswlib_compare.py}, in order (the first that
   *     imports hnswlib and numpy runs it); empty skips the hnswlib comparison
   * @param hnswlibEfs hnswlib's {@code ef} values to measure (ours runs at its default)
   */
  public record Latency(List<Integer> sizes, int dimension, int queries, long seed, List<String> pythons,
      List<Integer> hnswlibEfs) {
    public Latency {
      sizes = List.copyOf(sizes);
      pythons = List.copyOf(pythons);
      hnswlibEfs = List.copyOf(hnswlibEfs);
      check(!sizes.isEmpty() && sizes.stream().allMatch(n -> n >= 10), "sizes must be >= 10 chunks");
      check(dimension >= 2, "dimension must be >= 2");
      check(queries >= 1, "queries must be >= 1");
      check(hnswlibEfs.stream().allMatch(ef -> ef >= 1), "ef must be >= 1");
    }
  }

  /**
   * @param documents synthetic Markdown documents to write and build
   * @param repeats runs of each of the two measurements, interleaved; medians are reported
   * @param batchSize texts per embedding call, in both measurements
   * @param seed the corpus's seed
   */
  public record Ingest(int documents, int repeats, int batchSize, long seed) {
    public Ingest {
      check(documents >= 1, "documents must be >= 1");
      check(repeats >= 1, "repeats must be >= 1");
      check(batchSize >= 1 && batchSize <= 1024, "batch size must be in [1, 1024]");
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
