package dev.gaia.knowledge;

import java.util.Objects;

/**
 * A retrieval request.
 *
 * @param text the query text, for BM25 (and for display)
 * @param vector the query's embedding, from the same model as the knowledge base's; L2-normalised
 * @param limit the most hits to return (Gaia's {@code qdrant_limit})
 * @param scoreThreshold hits whose {@link Hit#score()} is below are dropped (Gaia's
 *     {@code qdrant_score_threshold}); 0 keeps everything
 * @param fusion how vector and keyword results combine
 */
public record Query(String text, float[] vector, int limit, double scoreThreshold, Fusion fusion) {
  public Query {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(fusion, "fusion");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be in [1, 1000], was " + limit);
    }
    if (scoreThreshold < 0 || scoreThreshold > 1) {
      throw new IllegalArgumentException("score threshold must be in [0, 1], was " + scoreThreshold);
    }
  }
}
