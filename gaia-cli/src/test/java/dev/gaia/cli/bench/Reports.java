package dev.gaia.cli.bench;

import dev.gaia.testkit.SyntheticModelSpec;
import java.nio.file.Path;
import java.util.List;

/** Fixed reports for the rendering tests: no engine, no timing. */
final class Reports {
  private Reports() {}

  static NodeBenchReport sample() {
    NodeBenchSettings settings = new NodeBenchSettings(
        List.of(new BenchModel("qwen05", SyntheticModelSpec.tiny(), true)),
        Path.of("/tmp/cache"), 2, 300, 128, 3, List.of(1, 2, 4), 32);
    ModelResult qwen = new ModelResult(
        "qwen05",
        "shape",
        301,
        new SingleStreamResult(180.0, 50.0, 1700.0, 3),
        new SingleStreamResult(175.0, 49.0, 1800.0, 3),
        List.of(new ConcurrencyLevel(1, 40.0), new ConcurrencyLevel(2, 50.0), new ConcurrencyLevel(4, 70.0)),
        new MemoryUse(600_000_000L, 250_000_000L, 350_000_000L, 282_000_000L));
    return new NodeBenchReport(new MachineInfo(2, "AMD EPYC", "2026-01-01", "Temurin 25"), settings, List.of(qwen));
  }
}
