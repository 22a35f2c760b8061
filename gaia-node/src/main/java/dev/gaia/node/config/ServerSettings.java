package dev.gaia.node.config;

import java.time.Duration;

/**
 * The HTTP side of the node.
 *
 * @param host the interface to bind, e.g. {@code 127.0.0.1} (loopback only) or {@code 0.0.0.0}
 * @param port the OpenAI API port, 0..65535 where 0 binds any free port; config.json calls it
 *     {@code llamaedge_port} (Gaia) or {@code port}
 * @param maxBodyBytes largest accepted request body in bytes; larger requests get 413
 * @param requestTimeout longest a request may run, queueing included; whole seconds in the file
 */
public record ServerSettings(String host, int port, long maxBodyBytes, Duration requestTimeout) {
  public ServerSettings {
    Check.token(Keys.HOST, host, false);
    Check.port(Keys.LLAMAEDGE_PORT, port);
    Check.positive(Keys.MAX_BODY_BYTES, maxBodyBytes);
    Check.present(Keys.REQUEST_TIMEOUT, requestTimeout);
    if (requestTimeout.compareTo(Duration.ofSeconds(1)) < 0 || requestTimeout.toNanosPart() != 0) {
      throw InvalidConfigException.of(
          Keys.REQUEST_TIMEOUT, "must be a whole number of seconds, at least 1, got " + requestTimeout);
    }
  }
}
