package dev.gaia.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.inference.llama.LlamaEmbeddingConfig;
import dev.gaia.inference.llama.LlamaEngineConfig;
import dev.gaia.inference.llama.LlamaEngines;
import dev.gaia.inference.model.CachedModel;
import dev.gaia.inference.model.ModelSource;
import dev.gaia.inference.onnx.OnnxEmbeddings;
import dev.gaia.knowledge.Fusion;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.pack.GkbPackage;
import dev.gaia.node.KnowledgeServing;
import dev.gaia.node.KnowledgeShelf;
import dev.gaia.node.RagDefaults;
import dev.gaia.node.Uploads;
import dev.gaia.knowledge.ChunkerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import dev.gaia.node.NodeServer;
import dev.gaia.node.NodeServerConfig;
import dev.gaia.node.config.ChatTemplateChoice;
import dev.gaia.node.config.NodeConfig;
import dev.gaia.node.config.NodeConfigFile;
import dev.gaia.node.config.NodeHome;
import dev.gaia.node.config.ResourceRef;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds a running node from a home: pulls the models its config names, loads them, starts the
 * server. The only place where config values turn into engine and server settings.
 */
final class NodeAssembly {
  private final NodeHome home;
  private final PrintWriter err;
  private final boolean interactive;

  NodeAssembly(NodeHome home, PrintWriter err, boolean interactive) {
    this.home = home;
    this.err = err;
    this.interactive = interactive;
  }

  /** Makes sure every model the config names is in the cache (downloads happen here). */
  Models fetchModels(NodeConfig config) {
    ModelFetcher fetcher = new ModelFetcher(home.modelsDir(), err);
    Optional<CachedModel> chat = config.chat().source().map(ref -> fetch(fetcher, ref, "chat model"));
    Optional<CachedModel> embedding = config.embedding().source().map(ref -> fetch(fetcher, ref, "embedding model"));
    return new Models(chat, embedding);
  }

  private CachedModel fetch(ModelFetcher fetcher, ResourceRef ref, String what) {
    ModelSource source = switch (ref) {
      case ResourceRef.Remote remote -> new ModelSource.Remote(remote.uri());
      case ResourceRef.Local local -> ModelSource.parse(home.resolve(local).toString());
    };
    try {
      return fetcher.pull(source, Optional.empty(), interactive);
    } catch (GaiaException e) {
      throw ModelFetcher.offlineHint(e, what + " " + ref.text());
    }
  }

  RunningNode start(NodeConfig config, String version) {
    Models models = fetchModels(config);
    NativeFolders natives = new NativeFolders(home.runDir());
    natives.sweep();
    LlamaEngines.useNativeFolder(natives.forThisProcess());
    int threads = config.inference().effectiveThreads(Runtime.getRuntime().availableProcessors());
    Optional<ChatEngine> chat = models.chat().map(m -> loadChat(config, m, threads));
    ExecutorService embedPool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, threads)));
    EmbeddingEngine embedding;
    try {
      embedding = models.embedding()
          .map(m -> LlamaEngines.jniEmbedding(new LlamaEmbeddingConfig(
              m.path(), config.embedding().modelId(), config.embedding().ctxSize(),
              config.embedding().batchSize(), Math.min(config.embedding().batchSize(), config.embedding().ubatchSize()),
              threads)))
          .orElseGet(() -> OnnxEmbeddings.allMiniLmL6V2(embedPool));
    } catch (RuntimeException e) {
      chat.ifPresent(ChatEngine::close);
      embedPool.shutdownNow();
      throw e;
    }
    List<String> embeddingAliases = new ArrayList<>();
    if (!config.embedding().name().isBlank() && !config.embedding().name().equals(embedding.modelId())) {
      embeddingAliases.add(config.embedding().name());
    }
    KnowledgeShelf shelf = new KnowledgeShelf(embedding);
    try {
      KnowledgeCatalog catalog = new KnowledgeCatalog(home.knowledgeDir());
      KnowledgeServing.PackageOpener opener = (gkb, name) -> GkbPackage.open(gkb, catalog.extractDir(), name);
      for (KnowledgeCatalog.Entry e : catalog.list()) {
        err.println("Loading knowledge base " + e.name() + " (" + e.contentId() + ")");
        openInto(shelf, opener, catalog.packagePath(e), e.name());
      }
      snapshot(config).ifPresent(gkb -> {
        err.println("Loading snapshot " + gkb.getFileName() + " as " + config.knowledge().collectionName());
        openInto(shelf, opener, gkb, config.knowledge().collectionName());
      });
      Uploads uploads = new Uploads(home.knowledgeDir().resolve("uploads"), config.knowledge().collectionName(),
          ChunkerSettings.defaults());
      if (Files.isRegularFile(uploads.packageFile()) && !shelf.list().stream().anyMatch(k -> k.name().equals(uploads.name()))) {
        err.println("Loading uploaded documents as " + uploads.name());
        openInto(shelf, opener, uploads.packageFile(), uploads.name());
      }
      String token = AdminToken.create(home, new SecureRandom());
      KnowledgeServing serving =
          new KnowledgeServing(shelf, ragDefaults(config), opener, Optional.of(token), Optional.of(uploads));
      if (chat.isEmpty()) {
        err.println(shelf.isEmpty()
            ? "warning: no chat model and no knowledge base: only embeddings are served"
            : "No chat model: answering chat requests with passages from the knowledge base (retrieval-only mode)");
      }
      NodeServer server = NodeServer.start(
          serverConfig(config, models),
          new NodeServer.NodeModels(chat, Optional.of(embedding), embeddingAliases, Optional.of(serving)),
          configView(config),
          version);
      return new RunningNode(server, chat, Optional.of(embedding), embedPool, shelf);
    } catch (RuntimeException e) {
      shelf.close();
      chat.ifPresent(ChatEngine::close);
      embedding.close();
      embedPool.shutdownNow();
      throw e;
    }
  }

  private static void openInto(KnowledgeShelf shelf, KnowledgeServing.PackageOpener opener, Path gkb, String name) {
    KnowledgeBase kb = opener.open(gkb, name);
    try {
      shelf.put(kb);
    } catch (RuntimeException e) {
      kb.close();
      throw e;
    }
  }

  /**
   * Gaia's {@code snapshot}: here a {@code .gkb} package (path or URL), served under
   * {@code embedding_collection_name}. Gaia's Qdrant snapshots cannot be read: rebuild them.
   */
  private Optional<Path> snapshot(NodeConfig config) {
    return config.knowledge().snapshot().map(ref -> {
      String text = ref.text().toLowerCase(java.util.Locale.ROOT);
      if (!text.endsWith(".gkb")) {
        throw new GaiaException(ErrorKind.INVALID_REQUEST,
            "snapshot " + ref.text() + " is not a .gkb package. Qdrant snapshots (Gaia's format) cannot be loaded; "
                + "rebuild the knowledge base from its documents with 'gaia kb build' and set snapshot to the .gkb, "
                + "or add it with 'gaia node kb add'",
            "snapshot", "unsupported_snapshot");
      }
      return fetch(new ModelFetcher(home.modelsDir(), err), ref, "snapshot");
    }).map(CachedModel::path);
  }

  private static RagDefaults ragDefaults(NodeConfig config) {
    var k = config.knowledge();
    return new RagDefaults(k.ragPolicy(), k.ragPrompt(), k.limit(), k.scoreThreshold(), k.contextWindow(), Fusion.defaults());
  }

  private ChatEngine loadChat(NodeConfig config, CachedModel model, int threads) {
    GgufFile gguf = GgufFile.read(model.path());
    Optional<String> template = switch (config.chat().template()) {
      case ChatTemplateChoice.BuiltIn b -> Optional.of(b.llamaCppName());
      case ChatTemplateChoice.Jinja j -> Optional.of(j.source());
      case ChatTemplateChoice.FromGguf g -> {
        if (gguf.chatTemplate().isEmpty()) {
          err.println("warning: " + model.fileName() + " has no chat template and prompt_template names none; using chatml");
          yield Optional.of("chatml");
        }
        yield Optional.empty();
      }
    };
    int batch = config.chat().batchSize();
    err.println("Loading " + model.fileName() + " (" + gguf.architecture() + ", " + (model.size() >> 20) + " MiB)");
    return LlamaEngines.jni(new LlamaEngineConfig(
        model.path(),
        config.chat().modelId(),
        model.sha256().hex(),
        gguf.architecture(),
        config.chat().ctxSize(),
        config.inference().parallel(),
        threads,
        batch,
        Math.min(batch, config.chat().ubatchSize()),
        template));
  }

  private static NodeServerConfig serverConfig(NodeConfig config, Models models) {
    List<String> aliases = new ArrayList<>();
    models.chat().ifPresent(m -> {
      String base = m.fileName().replaceFirst("(?i)\\.gguf$", "");
      if (!base.equals(config.chat().modelId())) {
        aliases.add(base);
      }
    });
    return new NodeServerConfig(
        config.server().host(),
        config.server().port(),
        config.inference().queueLimit(),
        config.server().maxBodyBytes(),
        config.server().requestTimeout(),
        aliases,
        Optional.of(config.chat().systemPrompt()).filter(s -> !s.isBlank()),
        Optional.of(config.chat().reversePrompt()).filter(s -> !s.isBlank()),
        Optional.of(config.node().address()).filter(s -> !s.isBlank()));
  }

  static Map<String, Object> configView(NodeConfig config) {
    try {
      return new ObjectMapper().readValue(NodeConfigFile.toJson(config), new TypeReference<Map<String, Object>>() {});
    } catch (java.io.IOException e) {
      throw new GaiaException(ErrorKind.INTERNAL, "cannot render the config: " + e.getMessage());
    }
  }

  record Models(Optional<CachedModel> chat, Optional<CachedModel> embedding) {}
}
