package dev.gaia.cli;

import dev.gaia.node.config.NodeConfig;
import dev.gaia.node.config.NodeHome;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gaia up}: everything a newcomer needs in one command. Creates the home on first run
 * (with a small default model suited to a laptop), gets the model, starts the node in the
 * background and prints where to point an OpenAI client. Running it again is harmless.
 */
@Command(name = "up", description = "Set up and start a local node, then print its URL.")
final class UpCommand implements Callable<Integer> {
  /** Qwen2.5-0.5B-Instruct Q4_K_M: small, instruct-tuned, loads in llama.cpp b4916. */
  static final String DEFAULT_MODEL =
      "https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf";

  @ParentCommand GaiaCommand root;
  @Mixin HomeOptions home;

  @Option(names = "--model", paramLabel = "PATH|URL", description = "Chat model to serve (GGUF file or URL; 'default' for Qwen2.5-0.5B-Instruct).")
  String model;

  @Option(names = "--port", paramLabel = "N", description = "API port (default: the config's, 8080).")
  Integer port;

  @Option(names = "--no-samples", description = "Do not add the sample knowledge base on first run.")
  boolean noSamples;

  @Option(names = "--no-domain", description = "Serve the node alone, without a local domain gateway in front of it.")
  boolean noDomain;

  @Override
  public Integer call() throws Exception {
    Main.Environment env = root.env;
    NodeHome h = home.resolve(env);
    if (!h.initialised()) {
      NodeConfig fresh = h.init(Optional.empty());
      // A first-run node for a laptop: the small default model, a context of 4096 tokens per
      // request and two parallel slots, instead of Gaia's 3B model with 16k contexts.
      h.config().set("chat", DEFAULT_MODEL);
      h.config().set("chat_name", "Qwen2.5-0.5B-Instruct");
      h.config().set("prompt_template", "chatml");
      h.config().set("chat_ctx_size", "4096");
      h.config().set("parallel", "2");
      // all-MiniLM-L6-v2 scores related passages around 0.3-0.6, lower than Gaia's usual
      // nomic-embed-text does: Gaia's threshold of 0.5 would drop most good passages.
      h.config().set("qdrant_limit", "3");
      h.config().set("qdrant_score_threshold", "0.25");
      if (!noDomain) {
        h.config().set("port", "0"); // clients use the domain's URL; the node's own port is internal
      }
      env.err().println("Created node home " + h.root() + " (was " + fresh.chat().modelId() + " by default)");
    }
    NodeConfig before = h.loadConfig();
    if ("default".equals(model)) {
      h.config().set("chat", DEFAULT_MODEL);
      h.config().set("chat_name", "Qwen2.5-0.5B-Instruct");
      h.config().set("prompt_template", "chatml");
    } else if (model != null) {
      h.config().set("chat", model);
      h.config().set("chat_name", "");
      h.config().set("prompt_template", "");
    }
    if (!noSamples) {
      new SampleKnowledge(h, env).addOnce();
    }
    if (model == null) {
      retrievalOnlyWhenOffline(h, env);
    }
    if (port != null && noDomain) {
      h.config().set("port", Integer.toString(port));
    }
    LocalDomain domain = new LocalDomain(h);
    String domainUrl = null;
    if (!noDomain) {
      domain.initOnce(port != null ? port : 8080);
      domainUrl = domain.start();
      domain.joinNode(domainUrl);
    }
    NodeSupervisor supervisor = new NodeSupervisor(h);
    ArrayList<String> notes = new ArrayList<>();
    // Only a changed config restarts a running node: "up" again with the same flags is harmless.
    if (!h.loadConfig().equals(before)) {
      var running = supervisor.running(notes);
      if (running.isPresent()) {
        env.err().println("Restarting the node with the new settings...");
        supervisor.stop(running.get(), java.time.Duration.ofSeconds(30));
      }
    }
    NodeState state = NodeCommand.startBackground(h, env, System.console() != null);
    String url = domainUrl != null ? domainUrl : state.url();
    env.out().println();
    env.out().println("Gaia is up: " + url);
    env.out().println("  OpenAI base URL: " + url + "/v1");
    if (domainUrl != null) {
      env.out().println("  domain '" + LocalDomain.NAME + "' (" + domain.home() + ") -> node " + state.url() + " joined through a tunnel");
    }
    env.out().println("  try: curl " + url + "/v1/chat/completions -H 'Content-Type: application/json' \\");
    env.out().println("         -d '{\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}'");
    if (h.loadConfig().chat().source().isEmpty()) {
      env.out().println("  mode: retrieval-only (no chat model): answers are passages from the knowledge base, with sources");
    }
    var bases = new KnowledgeCatalog(h.knowledgeDir()).list();
    if (!bases.isEmpty()) {
      env.out().println("  knowledge: " + String.join(", ", bases.stream().map(KnowledgeCatalog.Entry::name).toList())
          + "  (answers carry a \"sources\" array; try: \"How do I add a knowledge base to a running node?\")");
    }
    env.out().println("  stop: ./gaia node stop" + (domainUrl != null ? " && ./gaia domain stop --home " + domain.home() : "")
        + "    status: ./gaia node status    logs: " + h.logFile());
    return 0;
  }

  /**
   * The default model cannot be had (no network): rather than failing, serve the knowledge
   * alone, and say so. A model given explicitly still fails loudly.
   */
  private static void retrievalOnlyWhenOffline(NodeHome h, Main.Environment env) {
    var chat = h.loadConfig().chat().source();
    if (chat.isEmpty() || !chat.get().text().equals(DEFAULT_MODEL)) {
      return;
    }
    try {
      new NodeAssembly(h, env.err(), System.console() != null).fetchModels(h.loadConfig());
    } catch (dev.gaia.protocol.GaiaException e) {
      env.err().println();
      env.err().println("The default chat model could not be downloaded (" + firstLine(e.getMessage()) + ").");
      env.err().println("Starting in RETRIEVAL-ONLY mode: chat requests are answered with the best passages of the");
      env.err().println("knowledge base and their sources, without an LLM. To add a model later:");
      env.err().println("  ./gaia up --model /path/to/model.gguf     (a GGUF you already have)");
      env.err().println("  ./gaia up --model default                 (retry the download)");
      h.config().set("chat", "");
      h.config().set("chat_name", "");
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
