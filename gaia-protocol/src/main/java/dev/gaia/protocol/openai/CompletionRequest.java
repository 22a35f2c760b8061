package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Legacy {@code POST /v1/completions} body. {@code prompt} is a string or an array holding one
 * string; {@code logprobs} is the number of top alternatives (0..5) as in the legacy API.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletionRequest(
    String model,
    JsonNode prompt,
    Boolean stream,
    StreamOptions streamOptions,
    Integer maxTokens,
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
    Integer logprobs,
    Boolean echo,
    String suffix,
    String user)
    implements SamplingFields {

  @Override
  public boolean streaming() {
    return Boolean.TRUE.equals(stream);
  }
}
