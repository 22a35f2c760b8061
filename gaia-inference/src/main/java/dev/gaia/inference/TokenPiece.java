package dev.gaia.inference;

import java.util.List;
import java.util.Objects;

/**
 * One step of output: the text it adds (may be empty while a stop string or a multi-byte
 * character is pending) and, when requested, the log-probabilities of the chosen token and its
 * top alternatives.
 */
public record TokenPiece(String text, List<TokenLogprob> logprobs) {
  public TokenPiece {
    Objects.requireNonNull(text, "text");
    logprobs = List.copyOf(logprobs);
  }

  public static TokenPiece of(String text) {
    return new TokenPiece(text, List.of());
  }

  /** A candidate token with its natural-log probability. */
  public record TokenLogprob(String token, double logprob) {
    public TokenLogprob {
      Objects.requireNonNull(token, "token");
    }
  }
}
