package dev.gaia.inference;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate: a rendered prompt plus sampling parameters, already validated by the caller.
 *
 * @param prompt the full prompt text (chat template already applied for chat requests)
 * @param maxTokens upper bound of generated tokens, at least 1
 * @param sampling temperature, nucleus and penalty settings plus the seed
 * @param stop stop strings; generation ends before the first match, which is not emitted
 * @param constraint a grammar-like constraint on the output, when present
 * @param topLogprobs number of alternatives to report per token, 0 for none, -1 to not report logprobs
 */
public record GenerationRequest(
    String prompt,
    int maxTokens,
    SamplingParams sampling,
    List<String> stop,
    Optional<OutputConstraint> constraint,
    int topLogprobs) {
  public GenerationRequest {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(sampling, "sampling");
    Objects.requireNonNull(constraint, "constraint");
    stop = List.copyOf(stop);
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
    }
    if (topLogprobs < -1 || topLogprobs > 20) {
      throw new IllegalArgumentException("topLogprobs must be in [-1, 20], was " + topLogprobs);
    }
  }

  public boolean wantsLogprobs() {
    return topLogprobs >= 0;
  }
}
