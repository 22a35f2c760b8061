package dev.gaia.domain.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys held in memory, indexed by the SHA-256 of their secret (the secrets themselves are not
 * kept). Thread-safe.
 */
public final class InMemoryKeys implements KeyCheck {
  private final Map<String, ApiKey> bySecretHash = new ConcurrentHashMap<>();

  /** Adds or replaces the key for {@code secret}. */
  public InMemoryKeys put(String secret, ApiKey key) {
    bySecretHash.put(hash(secret), key);
    return this;
  }

  public void revoke(String secret) {
    bySecretHash.remove(hash(secret));
  }

  @Override
  public Optional<ApiKey> find(String secret) {
    return Optional.ofNullable(bySecretHash.get(hash(secret)));
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
