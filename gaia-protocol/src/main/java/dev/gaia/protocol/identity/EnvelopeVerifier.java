package dev.gaia.protocol.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Decides whether a {@link SignedEnvelope} may be acted on, and remembers what it accepted so the
 * same envelope is not accepted twice. Checks, in this order, each failing with UNAUTHORIZED and a
 * stable code:
 *
 * <ol>
 *   <li>{@code signature_invalid}: the signature does not recover to the envelope's signer
 *       (forged, altered, or signed over other bytes);
 *   <li>{@code wrong_signer}: validly signed, but not by the key the caller expected;
 *   <li>{@code not_yet_valid}: issued more than {@code maxSkew} after now;
 *   <li>{@code expired}: now is at or after {@code expiresAt} (no skew allowance: senders should
 *       leave margin in their ttl);
 *   <li>{@code lifetime_too_long}: {@code expiresAt − issuedAt} exceeds {@code maxLifetime};
 *   <li>{@code replayed}: an envelope from the same signer with the same nonce was accepted before.
 * </ol>
 *
 * Only envelopes passing every check are remembered (so forgeries cannot fill the cache), each
 * until its {@code expiresAt}, after which it is rejected as expired anyway. Memory is thus bounded
 * by the accept rate × ({@code maxLifetime} + {@code maxSkew}). Thread-safe: the cache is guarded
 * by this object's lock, held only for the O(log n) cache update, not for signature recovery.
 */
public final class EnvelopeVerifier {
  /** Defaults: 30 s of clock skew, envelopes valid at most 10 minutes. */
  public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(30);

  public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(10);

  private record Seen(Instant expiresAt, String key) {}

  private final Clock clock;
  private final Duration maxSkew;
  private final Duration maxLifetime;
  private final Map<String, Instant> seen = new HashMap<>();
  private final PriorityQueue<Seen> byExpiry =
      new PriorityQueue<>((a, b) -> a.expiresAt().compareTo(b.expiresAt()));

  public EnvelopeVerifier(Clock clock, Duration maxSkew, Duration maxLifetime) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxSkew.isNegative() || !maxLifetime.isPositive()) {
      throw new IllegalArgumentException("maxSkew must be ≥ 0 and maxLifetime > 0");
    }
    this.maxSkew = maxSkew;
    this.maxLifetime = maxLifetime;
  }

  /** A verifier with {@link #DEFAULT_MAX_SKEW} and {@link #DEFAULT_MAX_LIFETIME}. */
  public static EnvelopeVerifier create(Clock clock) {
    return new EnvelopeVerifier(clock, DEFAULT_MAX_SKEW, DEFAULT_MAX_LIFETIME);
  }

  /** Verifies an envelope from any signer (whoever signed it is {@code envelope.signer()}). */
  public JsonNode verify(SignedEnvelope envelope) {
    return check(envelope, null);
  }

  /** Verifies an envelope that must come from {@code expectedSigner}. Returns its payload. */
  public JsonNode verify(SignedEnvelope envelope, Address expectedSigner) {
    return check(envelope, Objects.requireNonNull(expectedSigner, "expectedSigner"));
  }

  /** Number of nonces currently remembered (for metrics and tests). */
  public synchronized int remembered() {
    purge(clock.instant());
    return seen.size();
  }

  private JsonNode check(SignedEnvelope envelope, Address expectedSigner) {
    if (!Signatures.isSignedBy(envelope.signingInput(), envelope.signature(), envelope.signer())) {
      throw reject("signature_invalid", "envelope signature does not match its signer " + envelope.signer());
    }
    if (expectedSigner != null && !expectedSigner.equals(envelope.signer())) {
      throw reject(
          "wrong_signer",
          "envelope is signed by " + envelope.signer() + ", expected " + expectedSigner);
    }
    Instant now = clock.instant();
    if (envelope.issuedAt().isAfter(now.plus(maxSkew))) {
      throw reject(
          "not_yet_valid",
          "envelope is issued at " + envelope.issuedAt() + ", in the future (now " + now + ")");
    }
    if (!now.isBefore(envelope.expiresAt())) {
      throw reject("expired", "envelope expired at " + envelope.expiresAt() + " (now " + now + ")");
    }
    Duration lifetime = Duration.between(envelope.issuedAt(), envelope.expiresAt());
    if (lifetime.compareTo(maxLifetime) > 0) {
      throw reject(
          "lifetime_too_long",
          "envelope is valid for " + lifetime.toSeconds() + " s; at most " + maxLifetime.toSeconds() + " s accepted");
    }
    remember(envelope.signer().value() + "/" + envelope.nonce(), envelope.expiresAt(), now);
    return envelope.payload();
  }

  private synchronized void remember(String key, Instant expiresAt, Instant now) {
    purge(now);
    if (seen.putIfAbsent(key, expiresAt) != null) {
      throw reject("replayed", "envelope nonce " + key.substring(key.indexOf('/') + 1) + " was already used");
    }
    byExpiry.add(new Seen(expiresAt, key));
  }

  private void purge(Instant now) {
    while (!byExpiry.isEmpty() && !now.isBefore(byExpiry.peek().expiresAt())) {
      seen.remove(byExpiry.poll().key());
    }
  }

  private static GaiaException reject(String code, String message) {
    return new GaiaException(ErrorKind.UNAUTHORIZED, message, null, code);
  }
}
