package dev.gaia.domain.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and checking API key secrets. A secret is {@code gaia_} + 32 bytes from a {@link
 * SecureRandom}, base64url without padding (48 characters in all).
 *
 * <p>Stores keep SHA-256 of the secret, not a slow password hash: slow, salted hashes (bcrypt,
 * scrypt, Argon2) exist to make guessing low-entropy passwords expensive, but a secret of 256 random
 * bits cannot be guessed at any hash speed, and an unsalted digest lets the store find a key by
 * its hash with one indexed lookup on every request. A leaked table therefore gives no usable key.
 *
 * <p>Thread-safe ({@link SecureRandom} is).
 */
final class KeySecrets {
  static final String PREFIX = "gaia_";
  private static final int SECRET_BYTES = 32;
  private static final int ID_BYTES = 8;

  private final SecureRandom random;

  KeySecrets(SecureRandom random) {
    this.random = random;
  }

  /** A fresh secret. */
  String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A fresh key id: {@code key_} + 16 hex digits; unrelated to the secret. */
  String newId() {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return "key_" + HexFormat.of().formatHex(bytes);
  }

  /** SHA-256 of the secret's UTF-8 bytes, lower-case hex. */
  static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Whether {@code key} is the key of a secret whose hash is {@code presentedHash}, compared in
   * time independent of where the two differ. Stores find the candidate by an indexed lookup on
   * the hash first; that lookup's timing can tell an attacker at most about the hash of a guess,
   * which they can compute anyway, and nothing about the secret.
   */
  static boolean matches(ApiKey key, String presentedHash) {
    return MessageDigest.isEqual(
        key.hash().getBytes(StandardCharsets.US_ASCII), presentedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
