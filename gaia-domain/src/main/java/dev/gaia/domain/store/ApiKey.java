package dev.gaia.domain.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key as the store keeps it: never the secret, only its hash.
 *
 * @param id the key's public name ({@code key_} + 16 hex digits), shown in usage reports and logs
 * @param hash SHA-256 of the secret's UTF-8 bytes, 64 lower-case hex digits (see {@link KeySecrets}
 *     for why a fast hash is enough)
 * @param label what the operator called it, e.g. {@code "alice laptop"}
 * @param rpm requests per minute allowed; empty for no limit
 * @param tpm tokens (prompt + completion) per minute allowed; empty for no limit
 * @param revokedAt when it was revoked; empty while it is valid
 */
public record ApiKey(
    String id,
    String hash,
    String label,
    Optional<Integer> rpm,
    Optional<Integer> tpm,
    Instant createdAt,
    Optional<Instant> revokedAt) {

  /** Longest label accepted, in characters. */
  public static final int MAX_LABEL = 200;

  public ApiKey {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a key id must not be blank");
    }
    hash = Sha256Hex.require(hash, "a key hash");
    Objects.requireNonNull(label, "label");
    if (label.length() > MAX_LABEL) {
      throw new IllegalArgumentException("a key label has at most " + MAX_LABEL + " characters");
    }
    requirePositive(rpm, "rpm");
    requirePositive(tpm, "tpm");
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    revokedAt = revokedAt.map(t -> t.truncatedTo(ChronoUnit.MILLIS));
  }

  /** Whether requests may use it. */
  public boolean valid() {
    return revokedAt.isEmpty();
  }

  /** This key revoked at {@code when}. */
  ApiKey revoked(Instant when) {
    return new ApiKey(id, hash, label, rpm, tpm, createdAt, Optional.of(when));
  }

  static void requirePositive(Optional<Integer> limit, String name) {
    Objects.requireNonNull(limit, name);
    if (limit.isPresent() && limit.get() <= 0) {
      throw new IllegalArgumentException(name + " must be positive when set, got " + limit.get());
    }
  }
}
