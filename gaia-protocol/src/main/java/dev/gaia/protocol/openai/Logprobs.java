package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Chat {@code logprobs}: one entry per generated token, with its top alternatives. */
public record Logprobs(List<TokenLogprob> content) {
  public Logprobs {
    content = List.copyOf(content);
  }

  /** {@code bytes} is the token's UTF-8 bytes as unsigned ints, as OpenAI sends them. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record TokenLogprob(
      String token, double logprob, List<Integer> bytes, List<TopLogprob> topLogprobs) {
    public TokenLogprob {
      bytes = List.copyOf(bytes);
      topLogprobs = List.copyOf(topLogprobs);
    }
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record TopLogprob(String token, double logprob, List<Integer> bytes) {
    public TopLogprob {
      bytes = List.copyOf(bytes);
    }
  }
}
