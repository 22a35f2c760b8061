package dev.gaia.cli;

import dev.gaia.node.config.NodeHome;
import dev.gaia.testkit.SyntheticModelSpec;
import dev.gaia.testkit.SyntheticModels;
import java.nio.file.Path;

/** Node homes configured to serve the tiny synthetic GGUF on a free port with one slot. */
final class TinyNode {
  private TinyNode() {}

  /** The tiny synthetic GGUF, written once per build under target/. */
  static Path model() {
    return SyntheticModels.cached(SyntheticModelSpec.tiny(), Path.of("target", "synthetic-models"));
  }

  /** {@code gaia node init --home home}, then the settings of a small, fast test node. */
  static Path init(Path home) {
    Cli.Result init = Cli.run("node", "init", "--home", home.toString());
    if (init.exitCode() != 0) {
      throw new IllegalStateException("node init failed: " + init);
    }
    var config = new NodeHome(home).config();
    config.set("chat", model().toString());
    config.set("chat_name", "tiny");
    config.set("prompt_template", "chatml");
    config.set("chat_ctx_size", "512");
    config.set("parallel", "1");
    config.set("threads", "1");
    config.set("port", "0");
    return home;
  }
}
