package dev.gaia.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code gaia bench node} measures and how hard.
 *
 * @param models models to benchmark, in order; each is loaded once
 * @param cacheDir where the synthetic GGUFs are written on first use
 * @param threads llama.cpp threads for prompt processing and generation
 * @param promptTokens approximate prompt length of the single-stream runs
 * @param genTokens tokens generated per stream ({@code max_tokens}; the synthetic models never
 *     stop early in practice)
 * @param repeats runs per measured figure; the report shows medians
 * @param streamCounts concurrent stream counts of the concurrency section, the first being the
 *     baseline (usually 1, 2, 4)
 * @param concurrencyPromptTokens prompt length in the concurrency section: short, so that the
 *     aggregate rate is dominated by generation
 */
public record NodeBenchSettings(
    List<BenchModel> models,
    Path cacheDir,
    int threads,
    int promptTokens,
    int genTokens,
    int repeats,
    List<Integer> streamCounts,
    int concurrencyPromptTokens) {

  public NodeBenchSettings {
    models = List.copyOf(models);
    Objects.requireNonNull(cacheDir, "cacheDir");
    streamCounts = List.copyOf(streamCounts);
    check(!models.isEmpty(), "at least one model is needed");
    check(threads >= 1, "threads must be >= 1");
    check(promptTokens >= 8, "prompt tokens must be >= 8");
    check(genTokens >= 2, "gen tokens must be >= 2 (the rate needs a first and a last token)");
    check(repeats >= 1, "repeats must be >= 1");
    check(!streamCounts.isEmpty() && streamCounts.stream().allMatch(n -> n >= 1), "stream counts must be >= 1");
    check(concurrencyPromptTokens >= 8, "concurrency prompt tokens must be >= 8");
  }

  /** Slots the engine needs for {@code model}. */
  int parallelFor(BenchModel model) {
    return model.concurrency() ? streamCounts.stream().mapToInt(Integer::intValue).max().orElse(1) : 1;
  }

  /** Context per slot: the prompt, the generation and some slack, rounded up to 256. */
  int contextPerSlot() {
    int need = Math.max(promptTokens, concurrencyPromptTokens) + genTokens + 64;
    return (need + 255) / 256 * 256;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
