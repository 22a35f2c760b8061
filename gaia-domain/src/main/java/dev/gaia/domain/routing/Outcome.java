package dev.gaia.domain.routing;

import java.time.Duration;
import java.util.Objects;

/** How a request to a node ended, fed back into routing statistics. */
public sealed interface Outcome {

  /**
   * @param timeToFirstByte from sending the request to the first response byte
   * @param completionTokens tokens the node generated (0 when unknown)
   * @param total from sending the request to the end of the response
   */
  record Success(Duration timeToFirstByte, int completionTokens, Duration total) implements Outcome {
    public Success {
      Objects.requireNonNull(timeToFirstByte, "timeToFirstByte");
      Objects.requireNonNull(total, "total");
    }
  }

  /** Connection refused or reset, timeout before the first byte, or a 5xx: counts against the node. */
  record Failure(String reason) implements Outcome {
    public Failure {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The client went away or the request was invalid (4xx): says nothing about the node. */
  record Neutral() implements Outcome {}
}
