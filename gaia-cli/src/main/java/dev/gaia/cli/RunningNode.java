package dev.gaia.cli;

import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.node.KnowledgeShelf;
import dev.gaia.node.NodeServer;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** A node serving in this process; {@link #close} stops the server, then frees the models. */
record RunningNode(
    NodeServer server,
    Optional<ChatEngine> chat,
    Optional<EmbeddingEngine> embedding,
    ExecutorService embedPool,
    KnowledgeShelf knowledge)
    implements AutoCloseable {

  @Override
  public void close() {
    server.close();
    knowledge.close();
    chat.ifPresent(ChatEngine::close);
    embedding.ifPresent(EmbeddingEngine::close);
    embedPool.shutdownNow();
  }
}
