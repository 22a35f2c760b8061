package dev.gaia.domain.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway listens and how hard it tries to get an answer from a node.
 *
 * @param host interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port TCP port; 0 picks a free one (tests)
 * @param requestDeadline the longest a client waits for a node's response headers, all attempts
 *     together; once a node answers, its body is passed through for as long as it takes
 * @param connectTimeout the longest one TCP connect to a node may take
 * @param firstByteTimeout the longest one attempt waits for a node's response headers before it
 *     is abandoned and the next node is tried (capped by what is left of the deadline). A
 *     non-streaming generation answers only when it is done, so this must exceed the longest
 *     non-streaming generation the domain accepts.
 * @param maxAttempts nodes tried per request, at least 1
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 * @param openDomain when true, requests without a known API key are served as {@link
 *     ApiKey#anonymous()}; when false they get 401
 */
public record GatewayConfig(
    String host,
    int port,
    Duration requestDeadline,
    Duration connectTimeout,
    Duration firstByteTimeout,
    int maxAttempts,
    int maxBodyBytes,
    boolean openDomain) {

  public GatewayConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535: " + port);
    }
    positive(requestDeadline, "requestDeadline");
    positive(connectTimeout, "connectTimeout");
    positive(firstByteTimeout, "firstByteTimeout");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
    }
  }

  /**
   * Deadline 10 min, connect 2 s, first byte 5 min, 3 attempts, 16 MiB bodies, keys required.
   */
  public static GatewayConfig defaults(String host, int port) {
    return new GatewayConfig(
        host, port, Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofMinutes(5), 3, 16 << 20, false);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
