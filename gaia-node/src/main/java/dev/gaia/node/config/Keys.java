package dev.gaia.node.config;

import java.util.List;
import java.util.Map;

/**
 * The config.json field names. Gaia's own names come first, in the order of Gaia's default
 * config.json, then this node's additions; files are written in this order.
 */
final class Keys {
  private Keys() {}

  static final String ADDRESS = "address";
  static final String DESCRIPTION = "description";
  static final String DOMAIN = "domain";
  static final String LLAMAEDGE_PORT = "llamaedge_port";
  static final String CHAT = "chat";
  static final String CHAT_NAME = "chat_name";
  static final String CHAT_CTX_SIZE = "chat_ctx_size";
  static final String CHAT_BATCH_SIZE = "chat_batch_size";
  static final String CHAT_UBATCH_SIZE = "chat_ubatch_size";
  static final String PROMPT_TEMPLATE = "prompt_template";
  static final String REVERSE_PROMPT = "reverse_prompt";
  static final String SYSTEM_PROMPT = "system_prompt";
  static final String CONTEXT_WINDOW = "context_window";
  static final String EMBEDDING = "embedding";
  static final String EMBEDDING_NAME = "embedding_name";
  static final String EMBEDDING_CTX_SIZE = "embedding_ctx_size";
  static final String EMBEDDING_BATCH_SIZE = "embedding_batch_size";
  static final String EMBEDDING_UBATCH_SIZE = "embedding_ubatch_size";
  static final String SNAPSHOT = "snapshot";
  static final String EMBEDDING_COLLECTION_NAME = "embedding_collection_name";
  static final String QDRANT_LIMIT = "qdrant_limit";
  static final String QDRANT_SCORE_THRESHOLD = "qdrant_score_threshold";
  static final String RAG_POLICY = "rag_policy";
  static final String RAG_PROMPT = "rag_prompt";
  static final String LLAMAEDGE_CHAT_PORT = "llamaedge_chat_port";
  static final String LLAMAEDGE_EMBEDDING_PORT = "llamaedge_embedding_port";
  static final String SERVER_HEALTH_URL = "server_health_url";
  static final String SERVER_INFO_URL = "server_info_url";
  static final String HOST = "host";
  static final String THREADS = "threads";
  static final String PARALLEL = "parallel";
  static final String QUEUE_LIMIT = "queue_limit";
  static final String MAX_BODY_BYTES = "max_body_bytes";
  static final String REQUEST_TIMEOUT = "request_timeout";
  static final String ENGINE = "engine";
  static final String DOMAIN_NAME = "domain_name";
  static final String PUBLIC_URL = "public_url";
  static final String DOMAIN_TUNNEL = "domain_tunnel";
  static final String PASSPHRASE_FILE = "passphrase_file";

  /** Our name for the API port; {@code llamaedge_port} is Gaia's name for the same value. */
  static final String PORT = "port";

  static final List<String> ALL =
      List.of(
          ADDRESS, DESCRIPTION, DOMAIN, LLAMAEDGE_PORT, CHAT, CHAT_NAME, CHAT_CTX_SIZE,
          CHAT_BATCH_SIZE, CHAT_UBATCH_SIZE, PROMPT_TEMPLATE, REVERSE_PROMPT, SYSTEM_PROMPT,
          CONTEXT_WINDOW, EMBEDDING, EMBEDDING_NAME, EMBEDDING_CTX_SIZE, EMBEDDING_BATCH_SIZE,
          EMBEDDING_UBATCH_SIZE, SNAPSHOT, EMBEDDING_COLLECTION_NAME, QDRANT_LIMIT,
          QDRANT_SCORE_THRESHOLD, RAG_POLICY, RAG_PROMPT, LLAMAEDGE_CHAT_PORT,
          LLAMAEDGE_EMBEDDING_PORT, SERVER_HEALTH_URL, SERVER_INFO_URL, HOST, THREADS, PARALLEL,
          QUEUE_LIMIT, MAX_BODY_BYTES, REQUEST_TIMEOUT, ENGINE, DOMAIN_NAME, PUBLIC_URL,
          PASSPHRASE_FILE, DOMAIN_TUNNEL);

  /** Accepted alternative name → the name in {@link #ALL}. */
  static final Map<String, String> ALIASES = Map.of(PORT, LLAMAEDGE_PORT);
}
