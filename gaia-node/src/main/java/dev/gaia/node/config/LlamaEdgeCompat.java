package dev.gaia.node.config;

import java.net.URI;
import java.util.Optional;

/**
 * Gaia fields this node accepts, validates, keeps and writes back, but does not act on: LlamaEdge
 * runs chat and embeddings as separate servers on these ports, while this node runs both in
 * process; the two URLs are Gaia's hosted health and info reporting endpoints.
 *
 * @param chatPort {@code llamaedge_chat_port}, 0..65535
 * @param embeddingPort {@code llamaedge_embedding_port}, 0..65535
 * @param serverHealthUrl {@code server_health_url}, an absolute http(s) URL or empty
 * @param serverInfoUrl {@code server_info_url}, an absolute http(s) URL or empty
 */
public record LlamaEdgeCompat(
    int chatPort, int embeddingPort, Optional<URI> serverHealthUrl, Optional<URI> serverInfoUrl) {
  public LlamaEdgeCompat {
    Check.port(Keys.LLAMAEDGE_CHAT_PORT, chatPort);
    Check.port(Keys.LLAMAEDGE_EMBEDDING_PORT, embeddingPort);
    Check.httpUrl(Keys.SERVER_HEALTH_URL, serverHealthUrl);
    Check.httpUrl(Keys.SERVER_INFO_URL, serverInfoUrl);
  }
}
