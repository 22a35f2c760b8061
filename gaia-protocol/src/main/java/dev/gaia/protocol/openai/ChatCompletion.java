package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gaia.protocol.gaia.Source;
import java.util.List;

/** Non-streaming chat completion response ({@code object = "chat.completion"}). */
public record ChatCompletion(
    String id,
    String object,
    long created,
    String model,
    String systemFingerprint,
    List<Choice> choices,
    Usage usage,
    List<Source> sources) {
  public ChatCompletion {
    choices = List.copyOf(choices);
    sources = sources == null ? null : List.copyOf(sources);
  }

  /**
   * @param sources the citations of a knowledge-grounded answer, null when none were used (the
   *     field is then left out, so plain OpenAI responses stay unchanged)
   */
  public static ChatCompletion of(
      String id, long created, String model, String fingerprint, List<Choice> choices, Usage usage,
      List<Source> sources) {
    return new ChatCompletion(id, "chat.completion", created, model, fingerprint, choices, usage, sources);
  }

  /** logprobs and finish_reason are always on the wire, as null when absent. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Choice(int index, AssistantMessage message, Logprobs logprobs, String finishReason) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record AssistantMessage(String role, String content, String refusal) {
    public static AssistantMessage of(String content) {
      return new AssistantMessage("assistant", content, null);
    }
  }
}
