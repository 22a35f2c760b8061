package dev.gaia.node;

import java.time.Clock;
import java.util.UUID;

/** Response ids, creation times and the fingerprint of this node build. */
final class IdSource {
  private final Clock clock;
  private final String fingerprint;

  IdSource(Clock clock, String fingerprint) {
    this.clock = clock;
    this.fingerprint = fingerprint;
  }

  String next(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  long nowSeconds() {
    return clock.instant().getEpochSecond();
  }

  String fingerprint() {
    return fingerprint;
  }
}
