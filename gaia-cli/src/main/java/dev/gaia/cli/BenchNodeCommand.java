package dev.gaia.cli;

import dev.gaia.cli.bench.BenchModel;
import dev.gaia.cli.bench.MachineInfo;
import dev.gaia.cli.bench.NodeBench;
import dev.gaia.cli.bench.NodeBenchReport;
import dev.gaia.cli.bench.NodeBenchSettings;
import dev.gaia.inference.llama.LlamaEngines;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gaia bench node}: single-stream speed, HTTP against in-process, concurrent streams and
 * memory of a node serving real-shaped synthetic models; every comparison is a ratio against a
 * baseline measured in the same run.
 */
@Command(
    name = "node",
    description = "Benchmark a node on synthetic SmolLM2-135M and Qwen2.5-0.5B shaped models.",
    mixinStandardHelpOptions = true)
final class BenchNodeCommand implements Callable<Integer> {
  enum ModelChoice {
    smollm2,
    qwen05,
    both
  }

  @ParentCommand BenchCommand parent;

  @Option(names = "--model", paramLabel = "smollm2|qwen05|both", description = "Models to benchmark (default: ${DEFAULT-VALUE}).")
  ModelChoice model = ModelChoice.both;

  @Option(names = "--cache", paramLabel = "DIR", description = "Where the synthetic GGUFs are written (default: ~/.cache/gaia/bench).")
  Path cache;

  @Option(names = "--threads", paramLabel = "N", description = "llama.cpp threads (default: ${DEFAULT-VALUE}).")
  int threads = 2;

  @Option(names = "--prompt-tokens", paramLabel = "N", description = "Prompt length of single-stream runs (default: ${DEFAULT-VALUE}).")
  int promptTokens = 300;

  @Option(names = "--gen-tokens", paramLabel = "N", description = "Tokens generated per stream (default: ${DEFAULT-VALUE}).")
  int genTokens = 128;

  @Option(names = "--repeats", paramLabel = "N", description = "Runs per figure; medians are reported (default: ${DEFAULT-VALUE}).")
  int repeats = 3;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the results as a Markdown section into FILE (e.g. docs/benchmarks.md).")
  Path markdown;

  @Override
  public Integer call() {
    Main.Environment env = parent.root.env;
    Path cacheDir = cache != null ? cache : env.userHome().resolve(".cache/gaia/bench");
    List<BenchModel> models = switch (model) {
      case smollm2 -> List.of(BenchModel.smolLm2());
      case qwen05 -> List.of(BenchModel.qwen05());
      case both -> List.of(BenchModel.smolLm2(), BenchModel.qwen05());
    };
    NodeBenchSettings settings =
        new NodeBenchSettings(models, cacheDir, threads, promptTokens, genTokens, repeats, List.of(1, 2, 4), 32);
    LlamaEngines.useNativeFolder(cacheDir.resolve("native-" + ProcessHandle.current().pid()));
    NodeBenchReport report = new NodeBench(settings, env.err(), GaiaCommand.version()).run(MachineInfo.ofThisMachine());
    env.out().println();
    env.out().print(report.table());
    env.out().flush();
    if (markdown != null) {
      report.writeMarkdown(markdown);
      env.err().println("Wrote the results to " + markdown);
    }
    return 0;
  }
}
