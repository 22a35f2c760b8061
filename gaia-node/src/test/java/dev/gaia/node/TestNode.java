package dev.gaia.node;

import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.inference.llama.LlamaEngineConfig;
import dev.gaia.inference.llama.LlamaEngines;
import dev.gaia.inference.onnx.OnnxEmbeddings;
import dev.gaia.testkit.SyntheticModelSpec;
import dev.gaia.testkit.SyntheticModels;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real node on a loopback port 0, serving the tiny synthetic GGUF through llama.cpp and the
 * bundled ONNX embedding model. One per test class: loading takes about a second.
 */
final class TestNode implements AutoCloseable {
  static final String MODEL = "tiny-chat";

  final ChatEngine chat;
  final EmbeddingEngine embedding;
  final NodeServer server;
  private final ExecutorService embedPool = Executors.newFixedThreadPool(2);

  private TestNode(ChatEngine chat, EmbeddingEngine embedding, NodeServer server) {
    this.chat = chat;
    this.embedding = embedding;
    this.server = server;
  }

  static TestNode start(int parallel, int contextPerSlot, NodeServerConfig config) throws Exception {
    Path dir = Files.createTempDirectory("gaia-node-test");
    LlamaEngines.useNativeFolder(dir.resolve("native"));
    Path model = SyntheticModels.write(SyntheticModelSpec.tiny(), dir.resolve("tiny.gguf"));
    GgufFile gguf = GgufFile.read(model);
    ChatEngine chat =
        LlamaEngines.jni(
            new LlamaEngineConfig(
                model, MODEL, null, gguf.architecture(), contextPerSlot, parallel, 2, 512, 512, Optional.empty()));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    EmbeddingEngine embedding = OnnxEmbeddings.allMiniLmL6V2(pool);
    NodeServer server =
        NodeServer.start(
            config,
            new NodeServer.NodeModels(Optional.of(chat), Optional.of(embedding), List.of()),
            Map.of("chat_ctx_size", contextPerSlot),
            "test");
    return new TestNode(chat, embedding, server);
  }

  static TestNode start() throws Exception {
    return start(2, 512, NodeServerConfig.loopback());
  }

  URI url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
    chat.close();
    embedding.close();
    embedPool.shutdownNow();
  }
}
