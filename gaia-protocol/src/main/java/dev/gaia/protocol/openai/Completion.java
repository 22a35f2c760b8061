package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Legacy completion response and stream chunk ({@code object = "text_completion"}). */
public record Completion(
    String id,
    String object,
    long created,
    String model,
    String systemFingerprint,
    List<Choice> choices,
    Usage usage) {
  public Completion {
    choices = List.copyOf(choices);
  }

  public static Completion of(
      String id, long created, String model, String fingerprint, List<Choice> choices, Usage usage) {
    return new Completion(id, "text_completion", created, model, fingerprint, choices, usage);
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Choice(int index, String text, LegacyLogprobs logprobs, String finishReason) {}

  /** The legacy logprobs shape: parallel arrays per generated token. */
  public record LegacyLogprobs(
      List<String> tokens,
      List<Double> tokenLogprobs,
      List<java.util.Map<String, Double>> topLogprobs,
      List<Integer> textOffset) {}
}
