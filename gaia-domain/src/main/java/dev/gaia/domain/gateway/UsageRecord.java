package dev.gaia.domain.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One response a node served through the gateway, as metered.
 *
 * @param model the model the client asked for; empty when the request named none
 * @param promptTokens from the response's {@code usage}; 0 when the node reported none (e.g. a
 *     stream without {@code stream_options.include_usage})
 * @param usageReported whether the response carried a {@code usage} object at all
 * @param timeToFirstByte from sending the request to the node until its response headers
 * @param total from sending the request to the node until the last byte
 */
public record UsageRecord(
    Instant at,
    String requestId,
    String keyId,
    String node,
    String model,
    int promptTokens,
    int completionTokens,
    boolean usageReported,
    Duration timeToFirstByte,
    Duration total) {
  public UsageRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(timeToFirstByte, "timeToFirstByte");
    Objects.requireNonNull(total, "total");
  }

  public int totalTokens() {
    return promptTokens + completionTokens;
  }
}
