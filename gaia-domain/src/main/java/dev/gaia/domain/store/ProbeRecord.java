package dev.gaia.domain.store;

import dev.gaia.protocol.identity.Address;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One probe of a node by the gateway.
 *
 * @param detail what was checked and, when it failed, why; shown to operators
 * @param latency from sending the probe to its answer (or to giving up), kept to the microsecond
 */
public record ProbeRecord(Address node, Instant at, boolean passed, String detail, Duration latency) {
  public ProbeRecord {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(detail, "detail");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("a probe latency is not negative, got " + latency);
    }
    at = at.truncatedTo(ChronoUnit.MILLIS);
    latency = latency.truncatedTo(ChronoUnit.MICROS);
  }
}
