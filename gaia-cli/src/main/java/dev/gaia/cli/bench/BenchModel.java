package dev.gaia.cli.bench;

import dev.gaia.testkit.SyntheticModelSpec;
import java.util.Objects;

/**
 * A synthetic model to benchmark.
 *
 * @param name short name used on the command line and in the report ({@code smollm2}, {@code qwen05})
 * @param spec the real-shaped synthetic GGUF to write and load
 * @param concurrency whether the concurrent-streams section runs on this model (it loads the
 *     engine with as many slots as the largest stream count)
 */
public record BenchModel(String name, SyntheticModelSpec spec, boolean concurrency) {
  public BenchModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
  }

  /** SmolLM2-135M shape, Q8_0 (144 MB). */
  public static BenchModel smolLm2() {
    return new BenchModel("smollm2", SyntheticModelSpec.smolLm2_135m(), false);
  }

  /** Qwen2.5-0.5B shape, Q4_0 (282 MB); the concurrency section runs on this one. */
  public static BenchModel qwen05() {
    return new BenchModel("qwen05", SyntheticModelSpec.qwen25_05b(), true);
  }
}
