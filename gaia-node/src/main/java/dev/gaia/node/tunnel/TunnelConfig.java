package dev.gaia.node.tunnel;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a node's tunnel goes and comes from.
 *
 * @param gateway the gateway's tunnel URL, {@code ws://host:port/v1/domain/tunnel} or {@code wss://}
 * @param local the node's own HTTP server on loopback, e.g. {@code http://127.0.0.1:8080}; every
 *     request that arrives through the tunnel is issued against it
 * @param minBackoff first reconnect delay after a drop (jittered), doubled per failed attempt
 * @param maxBackoff cap on the reconnect delay
 */
public record TunnelConfig(URI gateway, URI local, Duration minBackoff, Duration maxBackoff) {
  public TunnelConfig {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(local, "local");
    if (!"ws".equals(gateway.getScheme()) && !"wss".equals(gateway.getScheme())) {
      throw new IllegalArgumentException("the tunnel URL must be ws:// or wss://, got " + gateway);
    }
    if (!"http".equals(local.getScheme())) {
      throw new IllegalArgumentException("the local node URL must be http://, got " + local);
    }
    new Backoff(minBackoff, maxBackoff, new java.util.Random(0));
  }

  /** Defaults: backoff from 500 ms up to 30 s. */
  public static TunnelConfig of(URI gateway, URI local) {
    return new TunnelConfig(gateway, local, Duration.ofMillis(500), Duration.ofSeconds(30));
  }
}
