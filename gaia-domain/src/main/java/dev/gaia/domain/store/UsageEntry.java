package dev.gaia.domain.store;

import dev.gaia.protocol.identity.Address;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokens of one response, as metered by the gateway.
 *
 * @param keyId the API key that made the request; empty in an open domain without a key
 * @param node the node that served it
 * @param model the model id the request named
 */
public record UsageEntry(
    Optional<String> keyId, Address node, String model, int promptTokens, int completionTokens, Instant at) {
  public UsageEntry {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(model, "model");
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException(
          "token counts are not negative, got " + promptTokens + " prompt and " + completionTokens + " completion");
    }
    at = at.truncatedTo(ChronoUnit.MILLIS);
  }
}
