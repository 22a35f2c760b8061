package dev.gaia.cli;

import dev.gaia.node.config.NodeHome;
import java.nio.file.Path;

/**
 * Where a supervised background service (a node, a domain gateway) keeps its process files:
 * {@code <name>.pid}, {@code logs/<name>.log}, and {@code run/} for its published state.
 */
record ServiceFiles(Path root, String name) {
  static ServiceFiles node(NodeHome home) {
    return new ServiceFiles(home.root(), "node");
  }

  Path pidFile() {
    return root.resolve(name + ".pid");
  }

  Path logsDir() {
    return root.resolve("logs");
  }

  Path logFile() {
    return logsDir().resolve(name + ".log");
  }

  Path runDir() {
    return root.resolve("run");
  }

  Path stateFile() {
    return runDir().resolve(name + ".json");
  }
}
