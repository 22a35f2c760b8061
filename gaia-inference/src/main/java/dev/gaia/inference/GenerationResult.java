package dev.gaia.inference;

import java.time.Duration;
import java.util.Objects;

/**
 * How a generation ended.
 *
 * @param finishReason why it stopped
 * @param promptTokens tokens in the prompt as evaluated
 * @param completionTokens tokens generated (including any consumed by a matching stop string)
 * @param timeToFirstToken from the start of evaluation to the first generated token
 * @param total wall time of the whole generation
 */
public record GenerationResult(
    FinishReason finishReason,
    int promptTokens,
    int completionTokens,
    Duration timeToFirstToken,
    Duration total) {
  public GenerationResult {
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
    Objects.requireNonNull(total, "total");
  }

  /** OpenAI's finish reasons plus our cancellation. */
  public enum FinishReason {
    STOP("stop"),
    LENGTH("length"),
    CANCELLED("cancelled");

    private final String wire;

    FinishReason(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }
}
