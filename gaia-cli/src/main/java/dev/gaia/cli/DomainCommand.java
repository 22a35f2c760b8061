package dev.gaia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.domain.DomainGateway;
import dev.gaia.domain.gateway.GatewayConfig;
import dev.gaia.domain.store.ApiKey;
import dev.gaia.domain.store.DomainConfig;
import dev.gaia.domain.store.DomainStore;
import dev.gaia.domain.store.DomainStores;
import dev.gaia.domain.store.JoinPolicy;
import dev.gaia.domain.store.NewApiKey;
import dev.gaia.domain.store.NodeRecord;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.files.AtomicFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gaia domain ...}: run a domain gateway and manage its nodes and API keys. */
@Command(name = "domain", description = "Run a domain gateway: one URL in front of many nodes.", mixinStandardHelpOptions = true,
    subcommands = {DomainCommand.Init.class, DomainCommand.Start.class, DomainCommand.Stop.class, DomainCommand.Status.class,
        DomainCommand.Info.class, DomainCommand.Nodes.class, DomainCommand.Keys.class})
final class DomainCommand {
  @ParentCommand GaiaCommand root;

  static final List<String> FOREGROUND = List.of("domain", "start", "--foreground");

  /** {@code --home DIR}; default {@code ~/.gaia/domain}. */
  static final class DomainHomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "Domain home folder (default: ~/.gaia/domain).")
    Path home;

    Path resolve(Main.Environment env) {
      return (home != null ? home : env.userHome().resolve(".gaia").resolve("domain")).toAbsolutePath().normalize();
    }
  }

  static ServiceFiles files(Path home) {
    return new ServiceFiles(home, "domain");
  }

  static <T> T withStore(Path home, java.util.function.Function<DomainStore, T> work) {
    DomainSettings settings = DomainSettings.read(home);
    try (DomainStore store = DomainStores.open(settings.storeTarget(home))) {
      return work.apply(store);
    }
  }

  @Command(name = "init", description = "Create a domain: its settings, database and rules.")
  static final class Init implements Callable<Integer> {
    @ParentCommand DomainCommand parent;
    @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();

    @Option(names = "--name", required = true, description = "The domain's name (nodes name it when they join).")
    String name;

    @Option(names = "--model-hash", paramLabel = "SHA256", description = "A model file every node must serve (repeatable).")
    List<String> modelHashes = new ArrayList<>();

    @Option(names = "--join", description = "auto (probe, then admit) or approval (the operator approves).")
    String join = "auto";

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "jdbc:postgresql://... for shared deployments (default: SQLite in the home).")
    String db = "";

    @Option(names = "--host", description = "Interface to listen on (default 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port (default 9000).")
    int port = 9000;

    @Option(names = "--open", description = "Serve clients without API keys.")
    boolean open;

    @Option(names = "--policy", description = "least-loaded (default) or weighted-random.")
    String policy = "least-loaded";

    @Option(names = "--kb-question", paramLabel = "TEXT",
        description = "Require a knowledge base: a joining node must retrieve --kb-source for this question.")
    String kbQuestion;

    @Option(names = "--kb-source", paramLabel = "DOCUMENT", description = "The document (as in sources[].source) the question must retrieve.")
    String kbSource;

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      Path h = home.resolve(env);
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
        throw GaiaException.invalid("name", "a domain name is 1-64 letters, digits, '.', '_' or '-'");
      }
      JoinPolicy policyOfJoin = switch (join) {
        case "auto" -> JoinPolicy.OPEN;
        case "approval" -> JoinPolicy.APPROVAL;
        default -> throw GaiaException.invalid("join", "--join must be auto or approval, got '" + join + "'");
      };
      LinkedHashSet<String> hashes = new LinkedHashSet<>();
      for (String hash : modelHashes) {
        if (!hash.matches("[0-9a-fA-F]{64}")) {
          throw GaiaException.invalid("model-hash", "a model hash is the file's SHA-256, 64 hex digits; got '" + hash + "'");
        }
        hashes.add(hash.toLowerCase(java.util.Locale.ROOT));
      }
      if (!db.isBlank() && !db.startsWith("jdbc:postgresql://") && !db.startsWith("jdbc:sqlite:")) {
        throw GaiaException.invalid("db", "--db must be a jdbc:postgresql://HOST/DB URL (or jdbc:sqlite:PATH), got '" + db + "'");
      }
      if ((kbQuestion == null) != (kbSource == null)) {
        throw GaiaException.invalid("kb-question", "--kb-question and --kb-source go together");
      }
      Optional<DomainConfig.KnowledgeCanary> canary = kbQuestion == null
          ? Optional.empty() : Optional.of(new DomainConfig.KnowledgeCanary(kbQuestion, kbSource));
      DomainSettings settings = new DomainSettings(host, port, db, policy, 30);
      // Validate the database before writing anything.
      try (DomainStore store = DomainStores.open(settings.storeTarget(h))) {
        store.saveConfig(new DomainConfig(name, policyOfJoin, hashes, open, canary));
      }
      settings.write(h);
      env.out().println("Domain '" + name + "' ready in " + h + " (" + (db.isBlank() ? "SQLite" : "PostgreSQL") + ", join: " + join
          + (open ? ", open to clients without keys" : ", API keys required") + ")");
      env.out().println("Start it with: gaia domain start --home " + h);
      return 0;
    }
  }

  @Command(name = "start", description = "Start the gateway in the background (or --foreground).")
  static final class Start implements Callable<Integer> {
    @ParentCommand DomainCommand parent;
    @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();

    @Option(names = "--foreground", description = "Run in this process until stopped.")
    boolean foreground;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.root.env;
      Path h = home.resolve(env);
      DomainSettings settings = DomainSettings.read(h);
      ServiceFiles files = files(h);
      NodeSupervisor supervisor = new NodeSupervisor(files, FOREGROUND);
      List<String> notes = new ArrayList<>();
      Optional<ProcessHandle> running = supervisor.running(notes);
      notes.forEach(n -> env.err().println("note: " + n));
      if (foreground) {
        if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
          throw new GaiaException(ErrorKind.UNAVAILABLE, "this domain's gateway already runs (pid " + running.get().pid() + ")");
        }
        return runForeground(h, settings, env);
      }
      if (running.isPresent()) {
        env.out().println("The gateway is already running at " + NodeState.read(files).map(NodeState::url).orElse("?"));
        return 0;
      }
      NodeState state = startBackground(h, settings);
      env.out().println("Domain gateway running at " + state.url() + "  (OpenAI base URL: " + state.url() + "/v1)");
      return 0;
    }

    /** Spawns the gateway as a background process and waits until it listens. */
    static NodeState startBackground(Path h, DomainSettings settings) throws InterruptedException {
      ServiceFiles files = files(h);
      NodeSupervisor supervisor = new NodeSupervisor(files, FOREGROUND);
      PortCheck.requireFree(settings.host(), settings.port());
      String launch = UUID.randomUUID().toString();
      Process child = supervisor.spawn(launch);
      AtomicFiles.writeString(files.pidFile(), child.pid() + "\n");
      return supervisor.awaitReady(child, launch, Duration.ofMinutes(2));
    }

    private static int runForeground(Path h, DomainSettings settings, Main.Environment env) throws InterruptedException {
      DomainStore store = DomainStores.open(settings.storeTarget(h));
      DomainConfig rules = store.config().orElseThrow(() -> new GaiaException(ErrorKind.NOT_FOUND, "the database has no domain; run gaia domain init"));
      byte[] tokenBytes = new byte[32];
      new SecureRandom().nextBytes(tokenBytes);
      String token = HexFormat.of().formatHex(tokenBytes);
      AdminToken.write(h.resolve("run").resolve("admin.token"), token);
      GatewayConfig gateway = new GatewayConfig(settings.host(), settings.port(), Duration.ofMinutes(10), Duration.ofSeconds(2),
          Duration.ofMinutes(5), 3, 16 << 20, rules.open());
      DomainGateway domain;
      try {
        domain = DomainGateway.start(new DomainGateway.Settings(gateway,
            settings.policy().equals("weighted-random") ? DomainGateway.Policy.WEIGHTED_RANDOM : DomainGateway.Policy.LEAST_LOADED,
            settings.heartbeatTimeoutSeconds() == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(settings.heartbeatTimeoutSeconds())),
            Duration.ofSeconds(60), Optional.of(token)), store, Clock.systemUTC());
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
      ServiceFiles files = files(h);
      long pid = ProcessHandle.current().pid();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        env.err().println("Stopping the gateway...");
        domain.close();
        store.close();
        NodeState.clear(files, pid);
        stopped.countDown();
      }, "gaia-domain-shutdown"));
      new NodeState(pid, domain.url().toString(), h.toString(), GaiaCommand.version(), System.currentTimeMillis(),
          System.getProperty(NodeSupervisor.LAUNCH_PROPERTY, ""), NodeState.currentProcessStart()).write(files);
      env.out().println("Domain '" + rules.name() + "' gateway ready at " + domain.url());
      stopped.await();
      return 0;
    }
  }

  @Command(name = "stop", description = "Stop the gateway.")
  static final class Stop implements Callable<Integer> {
    @ParentCommand DomainCommand parent;
    @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.root.env;
      NodeSupervisor supervisor = new NodeSupervisor(files(home.resolve(env)), FOREGROUND);
      List<String> notes = new ArrayList<>();
      Optional<ProcessHandle> running = supervisor.running(notes);
      notes.forEach(n -> env.err().println("note: " + n));
      if (running.isEmpty()) {
        env.out().println("The gateway is not running.");
        return 0;
      }
      boolean clean = supervisor.stop(running.get(), Duration.ofSeconds(30));
      env.out().println(clean ? "Gateway stopped." : "Gateway killed after 30 s.");
      return clean ? 0 : 1;
    }
  }

  @Command(name = "status", description = "Say whether the gateway runs, and where.")
  static final class Status implements Callable<Integer> {
    @ParentCommand DomainCommand parent;
    @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      ServiceFiles files = files(home.resolve(env));
      Optional<ProcessHandle> running = new NodeSupervisor(files, FOREGROUND).running(new ArrayList<>());
      if (running.isEmpty()) {
        env.out().println("stopped  (" + files.root() + ")");
        return 3;
      }
      env.out().println("running  " + NodeState.read(files).map(NodeState::url).orElse("(starting)") + "  (pid " + running.get().pid() + ")");
      return 0;
    }
  }

  @Command(name = "info", description = "Show the domain's rules, nodes and keys.")
  static final class Info implements Callable<Integer> {
    @ParentCommand DomainCommand parent;
    @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      Path h = home.resolve(env);
      DomainSettings settings = DomainSettings.read(h);
      withStore(h, store -> {
        DomainConfig c = store.config().orElseThrow();
        env.out().println("domain:   " + c.name() + "  (join: " + (c.joinPolicy() == JoinPolicy.OPEN ? "auto" : c.joinPolicy().name().toLowerCase(java.util.Locale.ROOT))
            + (c.open() ? ", open" : ", API keys required") + ")");
        env.out().println("listen:   " + settings.host() + ":" + settings.port() + "  policy " + settings.policy());
        env.out().println("database: " + (settings.db().isBlank() ? settings.storeTarget(h) : "PostgreSQL"));
        env.out().println("required models: " + (c.requiredModelHashes().isEmpty() ? "any" : String.join(", ", c.requiredModelHashes())));
        c.knowledgeCanary().ifPresent(k -> env.out().println("required knowledge: '" + k.question() + "' must retrieve " + k.expectedSource()));
        env.out().println("nodes:    " + store.nodes().size() + ", keys: " + store.keys().size());
        return null;
      });
      return 0;
    }
  }

  @Command(name = "nodes", description = "List, approve or eject the domain's nodes.",
      subcommands = {Nodes.ListNodes.class, Nodes.Approve.class, Nodes.Eject.class})
  static final class Nodes implements Callable<Integer> {
    @ParentCommand DomainCommand parent;
    @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();

    @Override
    public Integer call() {
      return list(parent.root.env, home.resolve(parent.root.env));
    }

    static int list(Main.Environment env, Path h) {
      withStore(h, store -> {
        List<NodeRecord> nodes = store.nodes();
        if (nodes.isEmpty()) {
          env.out().println("No nodes have joined.");
        }
        for (NodeRecord n : nodes) {
          env.out().printf("%s  %-8s %s  models %s  last seen %s%s%n", n.address(), n.state().name().toLowerCase(java.util.Locale.ROOT),
              n.tunnel() ? "tunnel" : n.url().map(URI::toString).orElse("-"), n.models().keySet(), n.lastSeen(),
              n.note().map(s -> "  (" + s + ")").orElse(""));
        }
        return null;
      });
      return 0;
    }

    @Command(name = "list", description = "List the nodes with their states.")
    static final class ListNodes implements Callable<Integer> {
      @ParentCommand Nodes parent;
      @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();

      @Override
      public Integer call() {
        return list(parent.parent.root.env, home.resolve(parent.parent.root.env));
      }
    }

    @Command(name = "approve", description = "Probe a pending node and let it in.")
    static final class Approve implements Callable<Integer> {
      @ParentCommand Nodes parent;
      @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();
      @Parameters(paramLabel = "NODE") String node;

      @Override
      public Integer call() throws Exception {
        return admin(parent.parent.root.env, home.resolve(parent.parent.root.env), "approve", node);
      }
    }

    @Command(name = "eject", description = "Stop routing to a node.")
    static final class Eject implements Callable<Integer> {
      @ParentCommand Nodes parent;
      @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();
      @Parameters(paramLabel = "NODE") String node;

      @Override
      public Integer call() throws Exception {
        return admin(parent.parent.root.env, home.resolve(parent.parent.root.env), "eject", node);
      }
    }

    /** Decisions go through the running gateway, which probes and re-routes at once. */
    static int admin(Main.Environment env, Path h, String action, String node) throws Exception {
      ServiceFiles files = files(h);
      if (new NodeSupervisor(files, FOREGROUND).running(new ArrayList<>()).isEmpty()) {
        throw new GaiaException(ErrorKind.UNAVAILABLE, "the gateway is not running; start it with 'gaia domain start'");
      }
      NodeState state = NodeState.read(files).orElseThrow(() -> new GaiaException(ErrorKind.UNAVAILABLE, "the gateway is still starting"));
      String token = java.nio.file.Files.readString(h.resolve("run").resolve("admin.token")).strip();
      ObjectMapper json = new ObjectMapper();
      String body = json.writeValueAsString(java.util.Map.of("token", token, "node", node));
      try (HttpClient client = HttpClient.newHttpClient()) {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(state.url() + "/v1/domain/admin/" + action))
            .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        var reply = json.readTree(r.body());
        if (r.statusCode() != 200) {
          throw new GaiaException(r.statusCode() == 404 ? ErrorKind.NOT_FOUND : ErrorKind.INVALID_REQUEST,
              "the gateway refused: " + reply.path("error").path("message").asText(r.body()));
        }
        env.out().println(reply.path("node").asText() + " is " + reply.path("state").asText()
            + (reply.path("note").asText().isEmpty() ? "" : " (" + reply.path("note").asText() + ")"));
      }
      return 0;
    }
  }

  @Command(name = "keys", description = "Create, list and revoke client API keys.",
      subcommands = {Keys.Create.class, Keys.ListKeys.class, Keys.Revoke.class})
  static final class Keys {
    @ParentCommand DomainCommand parent;

    @Command(name = "create", description = "Create a key; its secret is shown once.")
    static final class Create implements Callable<Integer> {
      @ParentCommand Keys parent;
      @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();

      @Option(names = "--label", description = "What the key is for.")
      String label = "";

      @Option(names = "--rpm", description = "Requests per minute (default: unlimited).")
      Integer rpm;

      @Option(names = "--tpm", description = "Tokens per minute (default: unlimited).")
      Integer tpm;

      @Override
      public Integer call() {
        Main.Environment env = parent.parent.root.env;
        NewApiKey key = withStore(home.resolve(env), store -> store.createKey(label, Optional.ofNullable(rpm), Optional.ofNullable(tpm)));
        env.out().println("key id  " + key.key().id());
        env.out().println("secret  " + key.secret() + "   (shown once: store it now; a running gateway accepts it within 5 s)");
        return 0;
      }
    }

    @Command(name = "list", description = "List keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
      @ParentCommand Keys parent;
      @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();

      @Override
      public Integer call() {
        Main.Environment env = parent.parent.root.env;
        withStore(home.resolve(env), store -> {
          for (ApiKey k : store.keys()) {
            var usage = store.usageOfKey(k.id());
            env.out().printf("%s  %-20s rpm %s  tpm %s  %s  %d requests, %d tokens%n", k.id(), k.label(),
                k.rpm().map(String::valueOf).orElse("-"), k.tpm().map(String::valueOf).orElse("-"),
                k.valid() ? "valid" : "revoked", usage.requests(), usage.totalTokens());
          }
          return null;
        });
        return 0;
      }
    }

    @Command(name = "revoke", description = "Revoke a key (a running gateway refuses it within 5 s).")
    static final class Revoke implements Callable<Integer> {
      @ParentCommand Keys parent;
      @picocli.CommandLine.Mixin DomainHomeOption home = new DomainHomeOption();
      @Parameters(paramLabel = "KEY_ID") String id;

      @Override
      public Integer call() {
        Main.Environment env = parent.parent.root.env;
        ApiKey k = withStore(home.resolve(env), store -> store.revokeKey(id));
        env.out().println("Revoked " + k.id());
        return 0;
      }
    }
  }
}
