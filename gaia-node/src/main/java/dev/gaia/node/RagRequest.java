package dev.gaia.node;

import dev.gaia.knowledge.Fusion;
import dev.gaia.knowledge.rag.RagPolicy;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.gaia.RagOptions;
import java.util.List;

/** The retrieval settings of one request: the node's defaults with the request's overrides. */
record RagRequest(
    boolean enabled,
    int limit,
    double threshold,
    RagPolicy policy,
    int contextWindow,
    List<String> knowledgeBases,
    Fusion fusion) {

  static RagRequest resolve(RagDefaults d, RagOptions o) {
    if (o == null) {
      return new RagRequest(true, d.limit(), d.scoreThreshold(), d.policy(), d.contextWindow(), List.of(), d.fusion());
    }
    int limit = o.limit() == null ? d.limit() : o.limit();
    if (limit < 1 || limit > 100) {
      throw GaiaException.invalid("rag.limit", "rag.limit must be between 1 and 100.");
    }
    double threshold = o.scoreThreshold() == null ? d.scoreThreshold() : o.scoreThreshold();
    if (threshold < 0 || threshold > 1 || Double.isNaN(threshold)) {
      throw GaiaException.invalid("rag.score_threshold", "rag.score_threshold must be between 0 and 1.");
    }
    int window = o.contextWindow() == null ? d.contextWindow() : o.contextWindow();
    if (window < 1) {
      throw GaiaException.invalid("rag.context_window", "rag.context_window must be >= 1.");
    }
    RagPolicy policy;
    try {
      policy = o.policy() == null ? d.policy() : RagPolicy.parse(o.policy());
    } catch (IllegalArgumentException e) {
      throw GaiaException.invalid("rag.policy", e.getMessage());
    }
    return new RagRequest(
        o.enabled() == null || o.enabled(),
        limit,
        threshold,
        policy,
        window,
        o.knowledgeBases() == null ? List.of() : List.copyOf(o.knowledgeBases()),
        o.fusion() == null ? d.fusion() : fusion(o.fusion(), "rag.fusion"));
  }

  static Fusion fusion(String name, String param) {
    try {
      return Fusion.named(name);
    } catch (IllegalArgumentException e) {
      throw GaiaException.invalid(param, param + " " + e.getMessage() + ".");
    }
  }
}
