package dev.gaia.inference;

/**
 * Sampler settings with llama.cpp's meaning. {@code temperature == 0} means greedy decoding.
 * {@code seed} makes sampling reproducible: the same prompt, parameters and seed give the same
 * tokens on the same engine build.
 */
public record SamplingParams(
    double temperature,
    double topP,
    int topK,
    double minP,
    double presencePenalty,
    double frequencyPenalty,
    double repeatPenalty,
    long seed) {

  public static final long DEFAULT_SEED = 42;

  public SamplingParams {
    check(temperature >= 0 && temperature <= 2, "temperature must be in [0, 2]");
    check(topP > 0 && topP <= 1, "top_p must be in (0, 1]");
    check(topK >= 0, "top_k must be >= 0");
    check(minP >= 0 && minP <= 1, "min_p must be in [0, 1]");
    check(presencePenalty >= -2 && presencePenalty <= 2, "presence_penalty must be in [-2, 2]");
    check(frequencyPenalty >= -2 && frequencyPenalty <= 2, "frequency_penalty must be in [-2, 2]");
    check(repeatPenalty > 0, "repeat_penalty must be > 0");
  }

  /** llama.cpp server defaults, OpenAI-style temperature 1 replaced by llama.cpp's 0.8. */
  public static SamplingParams defaults() {
    return new SamplingParams(0.8, 0.95, 40, 0.05, 0, 0, 1.0, DEFAULT_SEED);
  }

  public static SamplingParams greedy() {
    return new SamplingParams(0, 1, 0, 0, 0, 0, 1.0, DEFAULT_SEED);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
