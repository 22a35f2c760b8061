package dev.gaia.node.config;

import dev.gaia.knowledge.rag.RagPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's whole configuration: every field of Gaia's config.json plus this node's own, typed and
 * validated. Immutable; change one group with the {@code with*} methods, or one field by its
 * config.json name with {@link NodeConfigFile#set(NodeConfig, String, String)}.
 *
 * <p>Defaults ({@link #defaults()}) follow Gaia's default config.json for the chat model and RAG
 * fields, LlamaEdge's command-line defaults for batch sizes (Gaia's 16-token batches slow prompt
 * processing on CPUs), and the in-process embedding model so that a fresh node needs no embedding
 * download.
 */
public record NodeConfig(
    NodeProfile node,
    ServerSettings server,
    InferenceSettings inference,
    ChatModel chat,
    EmbeddingModel embedding,
    KnowledgeSettings knowledge,
    LlamaEdgeCompat llamaEdge) {

  /** Gaia's default chat model (gaianet-node config.json, 2025). */
  static final String DEFAULT_CHAT =
      "https://huggingface.co/second-state/Llama-3.2-3B-Instruct-GGUF/resolve/main/Llama-3.2-3B-Instruct-Q5_K_M.gguf";

  /** Gaia presets' RAG prompt, shared by nearly all of them. */
  static final String DEFAULT_RAG_PROMPT =
      "Use the following pieces of context to answer the user's question.\n----------------\n";

  public NodeConfig {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(embedding, "embedding");
    Objects.requireNonNull(knowledge, "knowledge");
    Objects.requireNonNull(llamaEdge, "llamaEdge");
  }

  /**
   * The configuration of a fresh node: Llama-3.2-3B-Instruct with {@code llama-3-chat} and a
   * 16384-token context on 127.0.0.1:8080, 4 slots, a queue of 64, 10 MiB bodies, 300 s requests,
   * threads = all processors, in-process all-MiniLM-L6-v2 embeddings, no knowledge snapshot.
   */
  public static NodeConfig defaults() {
    return new NodeConfig(
        new NodeProfile("", "A Gaia node", ""),
        new ServerSettings("127.0.0.1", 8080, 10L * 1024 * 1024, Duration.ofSeconds(300)),
        new InferenceSettings(EngineKind.LLAMA_CPP_JNI, 0, 4, 64),
        new ChatModel(
            Optional.of(new ResourceRef.Remote(URI.create(DEFAULT_CHAT))),
            "Llama-3.2-3B-Instruct",
            16384,
            512,
            512,
            "llama-3-chat",
            "",
            "You are a helpful, respectful, and honest assistant."),
        new EmbeddingModel(Optional.empty(), "", 512, 512, 512),
        new KnowledgeSettings(
            Optional.empty(), "default", 1, 0.5, DEFAULT_RAG_PROMPT, RagPolicy.SYSTEM_MESSAGE, 1),
        new LlamaEdgeCompat(9068, 9069, Optional.empty(), Optional.empty()));
  }

  public NodeConfig withNode(NodeProfile v) {
    return new NodeConfig(v, server, inference, chat, embedding, knowledge, llamaEdge);
  }

  public NodeConfig withServer(ServerSettings v) {
    return new NodeConfig(node, v, inference, chat, embedding, knowledge, llamaEdge);
  }

  public NodeConfig withInference(InferenceSettings v) {
    return new NodeConfig(node, server, v, chat, embedding, knowledge, llamaEdge);
  }

  public NodeConfig withChat(ChatModel v) {
    return new NodeConfig(node, server, inference, v, embedding, knowledge, llamaEdge);
  }

  public NodeConfig withEmbedding(EmbeddingModel v) {
    return new NodeConfig(node, server, inference, chat, v, knowledge, llamaEdge);
  }

  public NodeConfig withKnowledge(KnowledgeSettings v) {
    return new NodeConfig(node, server, inference, chat, embedding, v, llamaEdge);
  }

  public NodeConfig withLlamaEdge(LlamaEdgeCompat v) {
    return new NodeConfig(node, server, inference, chat, embedding, knowledge, v);
  }
}
