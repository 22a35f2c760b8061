package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gaia.protocol.gaia.Source;
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
    Usage usage,
    List<Source> sources) {
  public ChatCompletionChunk {
    choices = List.copyOf(choices);
    sources = sources == null ? null : List.copyOf(sources);
  }

  public static ChatCompletionChunk of(
      String id, long created, String model, String fingerprint, List<ChunkChoice> choices, Usage usage) {
    return new ChatCompletionChunk(
        id, "chat.completion.chunk", created, model, fingerprint, choices, usage, null);
  }

  /** The first chunk of a knowledge-grounded stream carries the citations. */
  public ChatCompletionChunk withSources(List<Source> citations) {
    return new ChatCompletionChunk(id, object, created, model, systemFingerprint, choices, usage, citations);
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ChunkChoice(int index, Delta delta, Logprobs logprobs, String finishReason) {}

  /** Only the fields that change are sent: role in the first chunk, content after. */
  public record Delta(String role, String content) {}
}
