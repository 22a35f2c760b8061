package dev.gaia.node;

import dev.gaia.knowledge.Fusion;
import dev.gaia.knowledge.rag.RagPolicy;
import java.util.Objects;

/**
 * The node's retrieval settings (Gaia's {@code rag_policy}, {@code rag_prompt},
 * {@code qdrant_limit}, {@code qdrant_score_threshold}, {@code context_window}), which requests
 * may override through their {@code rag} object.
 */
public record RagDefaults(
    RagPolicy policy, String prompt, int limit, double scoreThreshold, int contextWindow, Fusion fusion) {
  public RagDefaults {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(fusion, "fusion");
    if (limit < 1 || contextWindow < 1 || scoreThreshold < 0 || scoreThreshold > 1) {
      throw new IllegalArgumentException("need limit >= 1, context window >= 1, threshold in [0, 1]");
    }
  }

  /** Gaia's defaults: one passage, threshold 0.5, into the system message. */
  public static RagDefaults gaia() {
    return new RagDefaults(
        RagPolicy.SYSTEM_MESSAGE,
        "Use the following pieces of context to answer the user's question.\n----------------\n",
        1,
        0.5,
        1,
        Fusion.defaults());
  }

  public RagDefaults withLimitAndThreshold(int newLimit, double newThreshold) {
    return new RagDefaults(policy, prompt, newLimit, newThreshold, contextWindow, fusion);
  }
}
