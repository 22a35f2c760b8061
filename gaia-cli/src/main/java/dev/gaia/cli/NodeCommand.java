package dev.gaia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gaia.inference.model.ModelCache;
import dev.gaia.node.config.ConfigSource;
import dev.gaia.node.config.NodeConfig;
import dev.gaia.node.config.NodeConfigFile;
import dev.gaia.node.config.NodeHome;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.identity.Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gaia node ...}: one node's life cycle and configuration. */
@Command(name = "node", description = "Create, run and configure a node.", mixinStandardHelpOptions = true,
    subcommands = {NodeCommand.Init.class, NodeCommand.Start.class, NodeCommand.Stop.class,
        NodeCommand.Status.class, NodeCommand.Info.class, NodeCommand.Config.class, NodeKbCommand.class,
        NodeDomainCommands.Join.class, NodeDomainCommands.Leave.class})
final class NodeCommand {
  @ParentCommand GaiaCommand root;

  static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  @Command(name = "init", description = "Create the node home with a config (default, a file or a URL).")
  static final class Init implements Callable<Integer> {
    @ParentCommand NodeCommand parent;
    @Mixin HomeOptions home;

    @Option(names = "--config", paramLabel = "FILE|URL", description = "A Gaia or Gaia-Java config.json to start from.")
    String config;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.root.env;
      NodeHome h = home.resolve(env);
      Optional<ConfigSource> source = Optional.empty();
      if (config != null) {
        source = Optional.of(config.startsWith("http://") || config.startsWith("https://")
            ? new ConfigSource.Text(fetchText(config), config)
            : new ConfigSource.FromFile(Path.of(config)));
      }
      h.init(source);
      env.out().println("Node home ready: " + h.root());
      env.out().println("Config: " + h.configFile());
      return 0;
    }

    private static String fetchText(String url) throws Exception {
      try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(15)).build()) {
        HttpResponse<String> r = client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new GaiaException(ErrorKind.NOT_FOUND, "cannot fetch config " + url + ": HTTP " + r.statusCode());
        }
        return r.body();
      } catch (java.io.IOException e) {
        throw new GaiaException(ErrorKind.UNAVAILABLE, "cannot fetch config " + url + ": " + e.getMessage());
      }
    }
  }

  @Command(name = "start", description = "Start the node in the background (or --foreground).")
  static final class Start implements Callable<Integer> {
    @ParentCommand NodeCommand parent;
    @Mixin HomeOptions home;

    @Option(names = "--foreground", description = "Run in this process until stopped (for services and containers).")
    boolean foreground;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.root.env;
      NodeHome h = home.resolve(env);
      if (foreground) {
        return runForeground(h, env);
      }
      NodeState state = startBackground(h, env, System.console() != null);
      env.out().println("Node running at " + state.url() + " (pid " + state.pid() + ", log " + h.logFile() + ")");
      return 0;
    }
  }

  static NodeConfig requireConfig(NodeHome h) {
    if (!h.initialised()) {
      throw new GaiaException(ErrorKind.NOT_FOUND,
          "no node at " + h.root() + ": run 'gaia node init' (or './gaia up') first");
    }
    return h.loadConfig();
  }

  static NodeState startBackground(NodeHome h, Main.Environment env, boolean interactive) throws InterruptedException {
    NodeConfig config = requireConfig(h);
    NodeSupervisor supervisor = new NodeSupervisor(h);
    List<String> notes = new ArrayList<>();
    Optional<ProcessHandle> running = supervisor.running(notes);
    notes.forEach(n -> env.err().println("note: " + n));
    if (running.isPresent()) {
      Optional<NodeState> state = NodeState.read(ServiceFiles.node(h));
      if (state.isPresent()) {
        env.err().println("The node is already running.");
        return state.get();
      }
      throw new GaiaException(ErrorKind.UNAVAILABLE, "a node process (pid " + running.get().pid() + ") is starting or stuck; try 'gaia node stop'");
    }
    PortCheck.requireFree(config.server().host(), config.server().port());
    // Download in the foreground, where the progress bar is visible; the child finds the cache warm.
    new NodeAssembly(h, env.err(), interactive).fetchModels(config);
    String launchId = UUID.randomUUID().toString();
    Process child = supervisor.spawn(launchId);
    // Claim the home at once, so a second start (or status) sees a node starting, not none.
    dev.gaia.protocol.files.AtomicFiles.writeString(h.pidFile(), child.pid() + "\n");
    env.err().println("Starting node (log: " + h.logFile() + ")...");
    return supervisor.awaitReady(child, launchId, START_TIMEOUT);
  }

  static int runForeground(NodeHome h, Main.Environment env) throws InterruptedException {
    NodeConfig config = requireConfig(h);
    List<String> notes = new ArrayList<>();
    Optional<ProcessHandle> other = new NodeSupervisor(h).running(notes);
    if (other.isPresent() && other.get().pid() != ProcessHandle.current().pid()) {
      throw new GaiaException(ErrorKind.UNAVAILABLE,
          "this node is already running (pid " + other.get().pid() + "); stop it first with 'gaia node stop'");
    }
    PortCheck.requireFree(config.server().host(), config.server().port());
    // A node in a domain needs its key before anything loads: a wrong passphrase fails at once.
    Optional<Signer> key = DomainMembership.unlockForDomain(h, config, Optional.empty(), false);
    if (key.isPresent()) {
      config = config.withNode(config.node().withAddress(key.get().address().value()));
    }
    String version = GaiaCommand.version();
    RunningNode node = new NodeAssembly(h, env.err(), false).start(config, version);
    Optional<DomainMembership.Joined> link;
    try {
      NodeConfig joined = config;
      link = key.map(k -> DomainMembership.join(joined, k, node.server().url(), env.err()));
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    long pid = ProcessHandle.current().pid();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      env.err().println("Stopping node...");
      link.ifPresent(DomainMembership.Joined::close);
      node.close();
      NodeState.clear(ServiceFiles.node(h), pid);
      NativeFolders.delete(new NativeFolders(h.runDir()).forThisProcess());
      env.err().println("Node stopped.");
      stopped.countDown();
    }, "gaia-shutdown"));
    new NodeState(pid, node.server().url().toString(), h.root().toString(), version,
        System.currentTimeMillis(), System.getProperty(NodeSupervisor.LAUNCH_PROPERTY, ""),
        NodeState.currentProcessStart()).write(ServiceFiles.node(h));
    env.out().println("Node ready at " + node.server().url() + "  (OpenAI base URL: " + node.server().url() + "/v1)");
    stopped.await();
    return 0;
  }

  @Command(name = "stop", description = "Stop this home's node and wait for a clean shutdown.")
  static final class Stop implements Callable<Integer> {
    @ParentCommand NodeCommand parent;
    @Mixin HomeOptions home;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.root.env;
      NodeHome h = home.resolve(env);
      NodeSupervisor supervisor = new NodeSupervisor(h);
      List<String> notes = new ArrayList<>();
      Optional<ProcessHandle> node = supervisor.running(notes);
      notes.forEach(n -> env.err().println("note: " + n));
      if (node.isEmpty()) {
        env.out().println("The node is not running.");
        return 0;
      }
      boolean clean = supervisor.stop(node.get(), Duration.ofSeconds(30));
      env.out().println(clean ? "Node stopped (pid " + node.get().pid() + ")."
          : "Node did not stop within 30 s and was killed (pid " + node.get().pid() + ").");
      return clean ? 0 : 1;
    }
  }

  @Command(name = "status", description = "Say whether the node runs, and where.")
  static final class Status implements Callable<Integer> {
    @ParentCommand NodeCommand parent;
    @Mixin HomeOptions home;

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      NodeHome h = home.resolve(env);
      List<String> notes = new ArrayList<>();
      Optional<ProcessHandle> node = new NodeSupervisor(h).running(notes);
      notes.forEach(n -> env.err().println("note: " + n));
      if (node.isEmpty()) {
        env.out().println("stopped  (" + h.root() + ")");
        return 3; // LSB: program is not running
      }
      Optional<NodeState> state = NodeState.read(ServiceFiles.node(h));
      if (state.isEmpty()) {
        env.out().println("starting  (pid " + node.get().pid() + ")");
        return 0;
      }
      env.out().println("running  " + state.get().url() + "  (pid " + state.get().pid() + ")");
      return 0;
    }
  }

  @Command(name = "info", description = "Show the node's configuration, models and live state.")
  static final class Info implements Callable<Integer> {
    @ParentCommand NodeCommand parent;
    @Mixin HomeOptions home;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.root.env;
      NodeHome h = home.resolve(env);
      NodeConfig config = requireConfig(h);
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      env.out().println("home:   " + h.root());
      env.out().println("config: " + h.configFile());
      env.out().println(json.writeValueAsString(NodeAssembly.configView(config)));
      var cached = new ModelCache(h.modelsDir()).list();
      env.out().println("cached models: " + (cached.isEmpty() ? "none" : ""));
      cached.forEach(m -> env.out().println("  " + m.fileName() + "  sha256:" + m.sha256().hex() + "  " + m.size() + " bytes"));
      Optional<NodeState> state = NodeState.read(ServiceFiles.node(h));
      if (state.isPresent() && new NodeSupervisor(h).running(new ArrayList<>()).isPresent()) {
        try (HttpClient client = HttpClient.newHttpClient()) {
          HttpResponse<String> r = client.send(
              HttpRequest.newBuilder(URI.create(state.get().url() + "/v1/info")).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
          env.out().println("live /v1/info:");
          env.out().println(json.writeValueAsString(json.readTree(r.body())));
        } catch (java.io.IOException e) {
          env.out().println("state: running (pid " + state.get().pid() + ") but not answering at " + state.get().url()
              + ": " + e.getMessage());
        }
      } else {
        env.out().println("state: stopped");
      }
      return 0;
    }
  }

  @Command(name = "config", description = "Read or change one config field.",
      subcommands = {Config.Get.class, Config.Set.class})
  static final class Config {
    @ParentCommand NodeCommand parent;

    @Command(name = "get", description = "Print a field's value.")
    static final class Get implements Callable<Integer> {
      @ParentCommand Config parent;
      @Mixin HomeOptions home;
      @Parameters(paramLabel = "KEY") String key;

      @Override
      public Integer call() {
        Main.Environment env = parent.parent.root.env;
        NodeHome h = home.resolve(env);
        requireConfig(h);
        env.out().println(h.config().get(key));
        return 0;
      }
    }

    @Command(name = "set", description = "Validate and write a field (atomic; a running node picks it up on restart).")
    static final class Set implements Callable<Integer> {
      @ParentCommand Config parent;
      @Mixin HomeOptions home;
      @Parameters(index = "0", paramLabel = "KEY") String key;
      @Parameters(index = "1", paramLabel = "VALUE") String value;

      @Override
      public Integer call() {
        Main.Environment env = parent.parent.root.env;
        NodeHome h = home.resolve(env);
        requireConfig(h);
        h.config().set(key, value);
        env.out().println(key + " = " + h.config().get(key));
        if (Files.exists(h.pidFile())) {
          env.err().println("note: restart the node for this to take effect (gaia node stop && gaia node start)");
        }
        return 0;
      }
    }
  }
}
