package dev.gaia.cli;

import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.build.BuildPlan;
import dev.gaia.knowledge.build.BuildProgress;
import dev.gaia.knowledge.build.BuildResult;
import dev.gaia.knowledge.build.KnowledgeBuilder;
import dev.gaia.knowledge.index.IndexSettings;
import dev.gaia.node.config.NodeConfig;
import dev.gaia.node.config.NodeHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * On a node's first {@code gaia up}, builds the sample handbook shipped in the repository
 * ({@code samples/handbook}) with the node's embedding model and adds it, so a newcomer sees cited
 * answers at once. Done once per home: a user who removes it does not get it back.
 */
final class SampleKnowledge {
  static final String NAME = "handbook";

  private final NodeHome home;
  private final Main.Environment env;

  SampleKnowledge(NodeHome home, Main.Environment env) {
    this.home = home;
    this.env = env;
  }

  Optional<Path> samples() {
    return env.launcher()
        .map(l -> l.toAbsolutePath().getParent().resolve("samples").resolve("handbook"))
        .filter(Files::isDirectory);
  }

  void addOnce() {
    Path marker = home.knowledgeDir().resolve(".samples-added");
    if (Files.exists(marker)) {
      return;
    }
    Optional<Path> samples = samples();
    if (samples.isEmpty()) {
      return;
    }
    NodeConfig config = home.loadConfig();
    Path out = home.knowledgeDir().resolve("samples").resolve(NAME + ".gkb");
    env.err().println("Building the sample knowledge base from " + samples.get() + " ...");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Path natives = home.runDir().resolve("native-" + ProcessHandle.current().pid());
    var embedder = Embedders.open(
        config.embedding().source().map(r -> r.text()).orElse(""), config.embedding().name(),
        config.embedding().ctxSize(), config.inference().effectiveThreads(Runtime.getRuntime().availableProcessors()),
        home.modelsDir(), natives, env.err(), pool);
    try {
      BuildResult r = new KnowledgeBuilder(embedder, IndexSettings.defaults(), Clock.systemUTC())
          .build(BuildPlan.of(List.of(samples.get()), out, NAME, ChunkerSettings.defaults()), BuildProgress.silent());
      new KnowledgeCatalog(home.knowledgeDir()).add(NAME, out, r.contentId().value());
      Files.createDirectories(marker.getParent());
      Files.writeString(marker, r.contentId().value() + "\n");
      env.err().println("Added the sample knowledge base '" + NAME + "': " + r.manifest().documents().size()
          + " documents, " + r.manifest().chunkCount() + " chunks");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      embedder.close();
      pool.shutdownNow();
      NativeFolders.delete(natives);
    }
  }
}
