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

  @Option(names = "--model", paramLabel = "PATH|URL", description = "Chat model to serve (GGUF file or URL).")
  String model;

  @Option(names = "--port", paramLabel = "N", description = "API port (default: the config's, 8080).")
  Integer port;

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
      env.err().println("Created node home " + h.root() + " (was " + fresh.chat().modelId() + " by default)");
    }
    NodeConfig before = h.loadConfig();
    if (model != null) {
      h.config().set("chat", model);
      h.config().set("chat_name", "");
      h.config().set("prompt_template", "");
    }
    if (port != null) {
      h.config().set("port", Integer.toString(port));
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
    env.out().println();
    env.out().println("Gaia node is up: " + state.url());
    env.out().println("  OpenAI base URL: " + state.url() + "/v1");
    env.out().println("  try: curl " + state.url() + "/v1/chat/completions -H 'Content-Type: application/json' \\");
    env.out().println("         -d '{\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}'");
    env.out().println("  stop: ./gaia node stop    status: ./gaia node status    logs: " + h.logFile());
    return 0;
  }
}
