package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One SSE event of a streamed chat completion ({@code object = "chat.completion.chunk"}). The
 * usage chunk requested by {@code stream_options.include_usage} has no choices.
 */
public record ChatCompletionChunk(
    String id,
    String object,
    long created,
    String model,
    String systemFingerprint,
    List<ChunkChoice> choices,
    Usage usage) {
  public ChatCompletionChunk {
    choices = List.copyOf(choices);
  }

  public static ChatCompletionChunk of(
      String id, long created, String model, String fingerprint, List<ChunkChoice> choices, Usage usage) {
    return new ChatCompletionChunk(
        id, "chat.completion.chunk", created, model, fingerprint, choices, usage);
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ChunkChoice(int index, Delta delta, Logprobs logprobs, String finishReason) {}

  /** Only the fields that change are sent: role in the first chunk, content after. */
  public record Delta(String role, String content) {}
}
