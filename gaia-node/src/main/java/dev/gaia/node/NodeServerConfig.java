package dev.gaia.node;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP server needs, derived by the CLI from the node's {@code config.json}.
 *
 * @param host interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port TCP port, 0 for any free one
 * @param queueLimit requests that may wait for a slot; beyond it the node answers 503
 * @param maxBodyBytes largest accepted request body; larger ones get 413
 * @param requestTimeout longest a generation may run before it is cancelled
 * @param chatModelAliases extra names accepted in the {@code model} field for the chat model
 *     (Gaia's {@code chat_name})
 * @param systemPrompt Gaia's {@code system_prompt}: used when a chat request has no system message
 * @param reversePrompt Gaia's {@code reverse_prompt}: an extra stop string for every request
 * @param nodeAddress the node's id, sent as {@code x-gaia-node}
 */
public record NodeServerConfig(
    String host,
    int port,
    int queueLimit,
    long maxBodyBytes,
    Duration requestTimeout,
    List<String> chatModelAliases,
    Optional<String> systemPrompt,
    Optional<String> reversePrompt,
    Optional<String> nodeAddress) {

  public NodeServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    chatModelAliases = List.copyOf(chatModelAliases);
    Objects.requireNonNull(systemPrompt, "systemPrompt");
    Objects.requireNonNull(reversePrompt, "reversePrompt");
    Objects.requireNonNull(nodeAddress, "nodeAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
    }
    if (queueLimit < 0) {
      throw new IllegalArgumentException("queue limit must be >= 0, was " + queueLimit);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("max body must be >= 1024 bytes, was " + maxBodyBytes);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request timeout must be positive");
    }
  }

  /** Loopback, any free port, defaults for everything else: for tests and benchmarks. */
  public static NodeServerConfig loopback() {
    return new NodeServerConfig(
        "127.0.0.1",
        0,
        64,
        10L << 20,
        Duration.ofMinutes(10),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public NodeServerConfig withQueueLimit(int limit) {
    return new NodeServerConfig(
        host, port, limit, maxBodyBytes, requestTimeout, chatModelAliases, systemPrompt,
        reversePrompt, nodeAddress);
  }

  public NodeServerConfig withMaxBodyBytes(long bytes) {
    return new NodeServerConfig(
        host, port, queueLimit, bytes, requestTimeout, chatModelAliases, systemPrompt,
        reversePrompt, nodeAddress);
  }

  public NodeServerConfig withRequestTimeout(Duration timeout) {
    return new NodeServerConfig(
        host, port, queueLimit, maxBodyBytes, timeout, chatModelAliases, systemPrompt,
        reversePrompt, nodeAddress);
  }
}
