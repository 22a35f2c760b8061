package dev.gaia.protocol.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Sealing payloads into {@link SignedEnvelope}s. Stateless and thread-safe. */
public final class Envelopes {
  private Envelopes() {}

  /**
   * Signs {@code payload} as {@code signer}: issued now (the clock's instant, cut to whole
   * seconds), valid for {@code ttl} (whole seconds, at least one; receivers cap it, see {@link
   * EnvelopeVerifier}), with a 16-byte nonce from {@code random}.
   */
  public static SignedEnvelope seal(
      Signer signer, JsonNode payload, Clock clock, Duration ttl, SecureRandom random) {
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.getNano() != 0) {
      throw new IllegalArgumentException("ttl must be whole seconds and at least 1 s, got " + ttl);
    }
    byte[] nonceBytes = new byte[16];
    random.nextBytes(nonceBytes);
    String nonce = HexFormat.of().formatHex(nonceBytes);
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(ttl);
    Address address = signer.address();
    Signature signature =
        signer.sign(SignedEnvelope.signingInput(payload, address, nonce, issuedAt, expiresAt));
    return new SignedEnvelope(payload, address, nonce, issuedAt, expiresAt, signature);
  }
}
