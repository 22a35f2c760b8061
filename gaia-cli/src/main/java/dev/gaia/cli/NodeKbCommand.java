package dev.gaia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.knowledge.Manifest;
import dev.gaia.knowledge.pack.GkbPackage;
import dev.gaia.node.config.NodeConfig;
import dev.gaia.node.config.NodeHome;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gaia node kb add|list|remove}: the knowledge a node serves. Changes are recorded in the
 * home (so a restart keeps them) and applied to a running node at once, without a restart.
 */
@Command(name = "kb", description = "Add, list and remove the node's knowledge bases (hot: no restart).",
    subcommands = {NodeKbCommand.Add.class, NodeKbCommand.ListBases.class, NodeKbCommand.Remove.class})
final class NodeKbCommand {
  @ParentCommand NodeCommand parent;

  Main.Environment env() {
    return parent.root.env;
  }

  @Command(name = "add", description = "Serve a .gkb package (copied into the node home).")
  static final class Add implements Callable<Integer> {
    @ParentCommand NodeKbCommand parent;
    @Mixin HomeOptions home;
    @Parameters(paramLabel = "FILE") Path file;

    @Option(names = "--name", description = "Serve it under this name (default: the package's name).")
    String name;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.env();
      NodeHome h = home.resolve(env);
      NodeConfig config = NodeCommand.requireConfig(h);
      if (!Files.isRegularFile(file)) {
        throw GaiaException.notFound("file", "no such file: " + file);
      }
      Manifest m = GkbPackage.readManifest(file);
      String kbName = name != null ? name : m.name();
      NodeKnowledge.requireName(kbName);
      String nodeModel = config.embedding().modelId();
      if (!m.embeddingModel().equals(nodeModel)) {
        throw new GaiaException(ErrorKind.INVALID_REQUEST,
            file + " was built with the embedding model " + m.embeddingModel() + ", but this node embeds with "
                + nodeModel + "; rebuild it with 'gaia kb build --embedding " + (config.embedding().builtIn() ? "default" : config.embedding().source().get().text())
                + "' or change the node's embedding model",
            "embedding", "embedding_model_mismatch");
      }
      KnowledgeCatalog catalog = new KnowledgeCatalog(h.knowledgeDir());
      Optional<KnowledgeCatalog.Entry> previous = catalog.find(kbName);
      KnowledgeCatalog.Entry entry = catalog.add(kbName, file, GkbPackage.readContentId(file).value());
      Optional<NodeState> running = NodeKnowledge.running(h);
      if (running.isPresent()) {
        try {
          NodeKnowledge.call(h, running.get(), "POST", "/admin/knowledge",
              "{\"name\":" + NodeKnowledge.quote(kbName) + ",\"path\":" + NodeKnowledge.quote(catalog.packagePath(entry).toString()) + "}");
        } catch (GaiaException e) {
          // The node refused it: restore what the home said before, so a restart agrees with the node.
          catalog.remove(kbName);
          previous.ifPresent(p -> catalog.add(p.name(), catalog.packagePath(p), p.contentId()));
          throw e;
        }
        env.out().println("Serving " + kbName + " (" + entry.contentId() + ") on the running node " + running.get().url());
      } else {
        env.out().println("Added " + kbName + " (" + entry.contentId() + "); the node serves it when it starts");
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List the knowledge bases of the home and of the running node.")
  static final class ListBases implements Callable<Integer> {
    @ParentCommand NodeKbCommand parent;
    @Mixin HomeOptions home;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.env();
      NodeHome h = home.resolve(env);
      NodeCommand.requireConfig(h);
      var entries = new KnowledgeCatalog(h.knowledgeDir()).list();
      if (entries.isEmpty()) {
        env.out().println("No knowledge bases (add one with 'gaia node kb add FILE.gkb').");
      }
      Optional<NodeState> running = NodeKnowledge.running(h);
      java.util.Set<String> served = new java.util.HashSet<>();
      if (running.isPresent()) {
        JsonNode list = NodeKnowledge.call(h, running.get(), "GET", "/v1/knowledge", null);
        list.path("data").forEach(n -> served.add(n.path("name").asText() + "@" + n.path("content_id").asText()));
      }
      for (var e : entries) {
        String state = running.isEmpty() ? "" : served.contains(e.name() + "@" + e.contentId()) ? "  serving" : "  not loaded";
        env.out().printf("%-24s %s%s%n", e.name(), e.contentId(), state);
      }
      return 0;
    }
  }

  @Command(name = "remove", description = "Stop serving a knowledge base and forget it.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand NodeKbCommand parent;
    @Mixin HomeOptions home;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.env();
      NodeHome h = home.resolve(env);
      NodeCommand.requireConfig(h);
      KnowledgeCatalog catalog = new KnowledgeCatalog(h.knowledgeDir());
      boolean known = catalog.find(name).isPresent();
      Optional<NodeState> running = NodeKnowledge.running(h);
      boolean unloaded = false;
      if (running.isPresent()) {
        try {
          NodeKnowledge.call(h, running.get(), "DELETE", "/admin/knowledge/" + name, null);
          unloaded = true;
        } catch (GaiaException e) {
          if (e.kind() != ErrorKind.NOT_FOUND) {
            throw e;
          }
        }
      }
      if (!known && !unloaded) {
        throw GaiaException.notFound("name", "no knowledge base named '" + name + "'");
      }
      catalog.remove(name);
      env.out().println("Removed " + name + (unloaded ? " (the running node stopped serving it)" : ""));
      return 0;
    }
  }

  /** Talking to this home's running node with its admin token. */
  static final class NodeKnowledge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeKnowledge() {}

    static void requireName(String name) {
      if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
        throw GaiaException.invalid("name",
            "a knowledge base name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit; got '" + name + "'");
      }
    }

    static Optional<NodeState> running(NodeHome h) {
      if (new NodeSupervisor(h).running(new ArrayList<>()).isEmpty()) {
        return Optional.empty();
      }
      return NodeState.read(ServiceFiles.node(h));
    }

    static String quote(String s) {
      try {
        return JSON.writeValueAsString(s);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static JsonNode call(NodeHome h, NodeState node, String method, String path, String body) throws Exception {
      String token = AdminToken.read(h).orElseThrow(() -> new GaiaException(ErrorKind.UNAVAILABLE,
          "the running node wrote no admin token into " + AdminToken.file(h) + "; restart it"));
      HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(node.url() + path))
          .timeout(Duration.ofMinutes(5))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
        HttpResponse<String> r = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        if (r.statusCode() / 100 != 2) {
          String message = json.path("error").path("message").asText(r.body());
          ErrorKind kind = r.statusCode() == 404 ? ErrorKind.NOT_FOUND
              : r.statusCode() / 100 == 4 ? ErrorKind.INVALID_REQUEST : ErrorKind.UNAVAILABLE;
          throw new GaiaException(kind, "the node refused: " + message);
        }
        return json;
      }
    }
  }
}
