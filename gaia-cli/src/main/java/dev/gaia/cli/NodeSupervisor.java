package dev.gaia.cli;

import dev.gaia.node.config.NodeHome;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a node as a background process of its own, finds it again through its pid file, and
 * stops exactly that process (never by name): a pid is only trusted when the process behind it
 * runs our main class on the same home folder.
 */
final class NodeSupervisor {
  static final String MAIN = "dev.gaia.cli.Main";
  static final String LAUNCH_PROPERTY = "gaia.launch.id";

  private final ServiceFiles home;
  private final List<String> foreground;

  /**
   * @param foreground the command words that run the service in the foreground, e.g.
   *     {@code node start --foreground}; {@code --home ROOT} is appended
   */
  NodeSupervisor(ServiceFiles home, List<String> foreground) {
    this.home = home;
    this.foreground = List.copyOf(foreground);
  }

  NodeSupervisor(NodeHome home) {
    this(ServiceFiles.node(home), List.of("node", "start", "--foreground"));
  }

  /** The running node of this home, or empty; a stale pid file is reported through {@code stale}. */
  Optional<ProcessHandle> running(List<String> stale) {
    Optional<Long> pid = pid();
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (handle.isPresent() && isOurs(handle.get())) {
      return handle;
    }
    stale.add("stale pid file " + home.pidFile() + " (process " + pid.get() + " is not running this node); removed it");
    NodeState.clear(home, pid.get());
    try {
      Files.deleteIfExists(home.pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }

  private Optional<Long> pid() {
    Path f = home.pidFile();
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(Files.readString(f).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.of(-1L);
    }
  }

  /**
   * Whether {@code p} runs our main class with {@code --home} naming exactly this home (a home
   * whose path is a prefix of another's must not claim the other's node). Without its arguments
   * (another user's process, a restricted /proc) we cannot prove it is ours: refuse.
   */
  private boolean isOurs(ProcessHandle p) {
    return publishedByThisProcess(p) || ProcessArguments.of(p).map(this::runsThisHome).orElse(false);
  }

  /**
   * A node that published its state names its pid and its process start time; a live process
   * with both is that node even when its arguments do not name the home (started with
   * GAIA_HOME or the default home), and a recycled pid never matches the start time.
   */
  private boolean publishedByThisProcess(ProcessHandle p) {
    Optional<Long> started = p.info().startInstant().map(java.time.Instant::toEpochMilli);
    return started.isPresent()
        && NodeState.read(home)
            .filter(s -> s.pid() == p.pid() && s.processStartMillis() > 0)
            .filter(s -> Math.abs(s.processStartMillis() - started.get()) < 1000)
            .isPresent();
  }

  private boolean runsThisHome(List<String> args) {
    int main = args.indexOf(MAIN);
    if (main < 0) {
      return false;
    }
    List<String> commandArgs = args.subList(main + 1, args.size());
    int flag = commandArgs.indexOf("--home");
    if (flag < 0 || flag + 1 >= commandArgs.size()) {
      return false;
    }
    try {
      return Path.of(commandArgs.get(flag + 1)).toAbsolutePath().normalize().equals(home.root());
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }


  /** Spawns {@code gaia node start --foreground} detached, logging to the home's log file. */
  Process spawn(String launchId) {
    try {
      Files.createDirectories(home.logsDir());
      Files.createDirectories(home.runDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (Files.isExecutable(setsid)) {
      command.add(setsid.toString()); // own session: closing the terminal does not stop the node
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // JVM flags and class path go into an argument file, keeping the command line short and
    // readable in ps (and the home path in it easy to find).
    List<String> jvm = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!arg.startsWith("-D" + LAUNCH_PROPERTY + "=")) {
        jvm.add(quote(arg));
      }
    }
    if (!jvm.contains(quote("--add-modules=jdk.incubator.vector"))) {
      jvm.add(quote("--add-modules=jdk.incubator.vector")); // Lucene's SIMD vector search
    }
    jvm.add("-cp");
    jvm.add(quote(System.getProperty("java.class.path")));
    Path argFile = home.runDir().resolve("jvm.args");
    dev.gaia.protocol.files.AtomicFiles.writeString(argFile, String.join("\n", jvm) + "\n");
    command.add("@" + argFile);
    command.add("-D" + LAUNCH_PROPERTY + "=" + launchId);
    command.add(MAIN);
    command.addAll(foreground);
    command.addAll(List.of("--home", home.root().toString()));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(home.logFile().toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      return pb.start();
    } catch (IOException e) {
      throw new GaiaException(ErrorKind.INTERNAL, "cannot start the node process: " + e.getMessage());
    }
  }

  /** Waits until the spawned node publishes its state, or dies (then its log tail is the message). */
  NodeState awaitReady(Process child, String launchId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<NodeState> state = NodeState.read(home).filter(s -> launchId.equals(s.launchId()));
      if (state.isPresent()) {
        return state.get();
      }
      if (!child.isAlive()) { // whatever its exit code: a node that exits before it is ready failed
        NodeState.clear(home, child.pid());
        throw new GaiaException(ErrorKind.UNAVAILABLE,
            "the node exited during start-up (exit code " + child.exitValue() + "). Last lines of "
                + home.logFile() + ":\n" + logTail(20));
      }
      Thread.sleep(100);
    }
    // Not ready in time: stop it rather than leave an unsupervised process behind.
    stop(child.toHandle(), Duration.ofSeconds(10));
    throw new GaiaException(ErrorKind.UNAVAILABLE,
        "the node did not become ready within " + timeout.toSeconds() + " s; see " + home.logFile());
  }

  /** SIGTERM, wait for a clean shutdown, SIGKILL after {@code grace}. Returns true when clean. */
  boolean stop(ProcessHandle node, Duration grace) throws InterruptedException {
    node.destroy();
    long deadline = System.nanoTime() + grace.toNanos();
    while (node.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (node.isAlive()) {
      node.destroyForcibly();
      node.onExit().join();
      NodeState.clear(home, node.pid());
      return false;
    }
    NodeState.clear(home, node.pid());
    return true;
  }

  /** Quotes one argument for a java {@code @argfile}. */
  private static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(home.logFile());
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
