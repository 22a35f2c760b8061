package dev.gaia.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds and, after a test, removes node processes of a home, whatever state they were left in. */
final class NodeProcesses {
  private NodeProcesses() {}

  /** Live processes running {@code dev.gaia.cli.Main ... --home home}. */
  static List<ProcessHandle> on(Path home) {
    String root = home.toAbsolutePath().normalize().toString();
    return ProcessHandle.allProcesses()
        .filter(p -> ProcessArguments.of(p)
            .map(args -> args.contains(NodeSupervisor.MAIN) && args.contains(root))
            .orElse(false))
        .toList();
  }

  /** {@code gaia node stop}, then SIGKILL for anything still running on the home. */
  static void cleanUp(Path home) {
    Cli.run("node", "stop", "--home", home.toString());
    for (ProcessHandle p : on(home)) {
      p.destroyForcibly();
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // best effort: the next test's checks will name what is left
      }
    }
  }
}
