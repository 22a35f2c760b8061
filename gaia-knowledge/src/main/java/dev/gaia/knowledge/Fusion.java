package dev.gaia.knowledge;

/** How vector (HNSW) and keyword (BM25) results are combined. */
public sealed interface Fusion {

  /** Only the vector index: Gaia's behaviour. */
  record VectorOnly() implements Fusion {}

  /** Only BM25. */
  record KeywordOnly() implements Fusion {}

  /**
   * Reciprocal rank fusion: each list adds {@code 1 / (k + rank)}; {@code k = 60} is the
   * value of the original paper and the default.
   *
   * @param candidates how many results each retriever contributes before fusing
   */
  record ReciprocalRank(int k, int candidates) implements Fusion {
    public ReciprocalRank {
      if (k < 1 || candidates < 1) {
        throw new IllegalArgumentException("k and candidates must be >= 1");
      }
    }
  }

  /**
   * A weighted sum of the vector similarity and the BM25 score normalised to [0, 1] by the best
   * BM25 score of the query.
   */
  record Weighted(double vectorWeight, int candidates) implements Fusion {
    public Weighted {
      if (vectorWeight < 0 || vectorWeight > 1 || candidates < 1) {
        throw new IllegalArgumentException("vector weight in [0, 1] and candidates >= 1 required");
      }
    }
  }

  static Fusion defaults() {
    return new ReciprocalRank(60, 50);
  }

  /**
   * By name, as users write it: {@code rrf} (the default), {@code weighted} (70% vector),
   * {@code vector} or {@code keyword}.
   *
   * @throws IllegalArgumentException for any other name
   */
  static Fusion named(String name) {
    return switch (name) {
      case "rrf" -> defaults();
      case "weighted" -> new Weighted(0.7, 50);
      case "vector" -> new VectorOnly();
      case "keyword" -> new KeywordOnly();
      default -> throw new IllegalArgumentException("must be rrf, weighted, vector or keyword, got '" + name + "'");
    };
  }
}
