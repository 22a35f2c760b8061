package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code POST /v1/chat/completions} body as OpenAI defines it. Absent fields are null; the node
 * validates values and applies defaults. Unknown fields are ignored, as clients send optional
 * extras (user, metadata, store, ...) that do not affect generation.
 *
 * <p>{@code stop} is a string or an array of strings; kept as JSON. {@code rag} is Gaia's
 * extension: per-request retrieval settings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionRequest(
    String model,
    List<ChatMessage> messages,
    Boolean stream,
    StreamOptions streamOptions,
    Integer maxTokens,
    Integer maxCompletionTokens,
    Double temperature,
    Double topP,
    Integer topK,
    Double minP,
    Long seed,
    JsonNode stop,
    Double presencePenalty,
    Double frequencyPenalty,
    Double repeatPenalty,
    Integer n,
    ResponseFormat responseFormat,
    Boolean logprobs,
    Integer topLogprobs,
    String user,
    dev.gaia.protocol.gaia.RagOptions rag)
    implements SamplingFields {

  @Override
  public boolean streaming() {
    return Boolean.TRUE.equals(stream);
  }
}
