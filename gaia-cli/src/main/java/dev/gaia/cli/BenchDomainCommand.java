package dev.gaia.cli;

import dev.gaia.cli.bench.DomainBench;
import dev.gaia.cli.bench.DomainBenchReport;
import dev.gaia.cli.bench.DomainBenchSettings;
import dev.gaia.cli.bench.MachineInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gaia bench domain}: the gateway's added latency, throughput and SSE passthrough against
 * direct calls and nginx in front of the same stub backend, and the routing policy in simulation.
 */
@Command(
    name = "domain",
    description = "Benchmark the domain gateway: added latency, throughput and SSE vs nginx; routing p95 (simulated).",
    mixinStandardHelpOptions = true)
final class BenchDomainCommand implements Callable<Integer> {
  @ParentCommand BenchCommand parent;

  @Option(names = "--seconds", paramLabel = "S", description = "Seconds per case and round (default: ${DEFAULT-VALUE}).")
  double seconds = 5;

  @Option(names = "--rounds", paramLabel = "N", description = "Interleaved rounds; figures are medians (default: ${DEFAULT-VALUE}).")
  int rounds = 3;

  @Option(names = "--connections", paramLabel = "N", description = "Connections of the throughput case (default: ${DEFAULT-VALUE}).")
  int connections = 32;

  @Option(names = "--streams", paramLabel = "N", description = "Concurrent SSE streams (default: ${DEFAULT-VALUE}).")
  int streams = 16;

  @Option(names = "--events", paramLabel = "N", description = "Content chunks per SSE stream (default: ${DEFAULT-VALUE}).")
  int events = 200;

  @Option(names = "--nginx", paramLabel = "PATH",
      description = "nginx binary (default: nginx on PATH, else /usr/sbin/nginx; skipped with a note if missing).")
  String nginx;

  @Option(names = "--no-nginx", description = "Skip the nginx comparison.")
  boolean noNginx;

  @Option(names = "--seed", paramLabel = "N", description = "First seed of the routing simulation (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--seeds", paramLabel = "N", description = "Simulation runs per policy (default: ${DEFAULT-VALUE}).")
  int seeds = 5;

  @Option(names = "--simulated-requests", paramLabel = "N", description = "Requests per simulation run (default: ${DEFAULT-VALUE}).")
  int simulatedRequests = 20_000;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the results as a Markdown section into FILE (e.g. docs/benchmarks.md).")
  Path markdown;

  @Override
  public Integer call() {
    Main.Environment env = parent.root.env;
    Optional<String> binary = noNginx ? Optional.empty() : Optional.of(nginx != null ? nginx : defaultNginx());
    DomainBenchSettings settings = new DomainBenchSettings(
        Duration.ofMillis(Math.round(seconds * 1000)), rounds, connections, streams, events, binary, seed, seeds, simulatedRequests);
    DomainBenchReport report = new DomainBench(settings, env.err()).run(MachineInfo.ofThisMachine());
    env.out().println();
    env.out().print(report.table());
    report.notes().forEach(n -> env.out().println("note: " + n));
    env.out().flush();
    if (markdown != null) {
      report.writeMarkdown(markdown);
      env.err().println("Wrote the results to " + markdown);
    }
    return 0;
  }

  private static String defaultNginx() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nginx"))) {
        return Path.of(dir, "nginx").toString();
      }
    }
    return "/usr/sbin/nginx";
  }
}
