package dev.gaia.cli.bench;

/**
 * One timed generation, in-process or over HTTP, measured by its caller.
 *
 * @param promptTokens prompt tokens as the engine evaluated them (including BOS)
 * @param tokens generated pieces received (one per token, except pieces llama.cpp merges
 *     because a token ends inside a UTF-8 character)
 * @param firstTokenNanos from the request to the first generated piece
 * @param firstToLastNanos from the first to the last piece
 */
record StreamSample(int promptTokens, int tokens, long firstTokenNanos, long firstToLastNanos) {
  StreamSample {
    if (tokens < 1 || firstTokenNanos <= 0 || firstToLastNanos < 0) {
      throw new IllegalArgumentException("no token was generated: " + tokens + " tokens");
    }
  }

  /** Prompt tokens per second, approximated as prompt tokens over time to first token. */
  double promptRate() {
    return promptTokens / (firstTokenNanos / 1e9);
  }

  /** Generated tokens per second after the first token. */
  double generationRate() {
    if (tokens < 2 || firstToLastNanos == 0) {
      throw new IllegalStateException("a generation rate needs at least two tokens");
    }
    return (tokens - 1) / (firstToLastNanos / 1e9);
  }

  double firstTokenMillis() {
    return firstTokenNanos / 1e6;
  }
}
