package dev.gaia.knowledge;

import java.util.Objects;

/**
 * One retrieved chunk with its fused score and the per-retriever evidence.
 *
 * @param score the fused score used for ranking and for {@code score_threshold}: cosine
 *     similarity in [0, 1] for vector-only search; for hybrid search the vector similarity of the
 *     chunk (so Gaia's thresholds keep their meaning), ranks decided by the fusion
 * @param vectorRank 1-based rank in the vector results, 0 when not there
 * @param keywordRank 1-based rank in the BM25 results, 0 when not there
 */
public record Hit(Chunk chunk, double score, int vectorRank, int keywordRank) {
  public Hit {
    Objects.requireNonNull(chunk, "chunk");
  }
}
