package dev.gaia.protocol.identity;

import static dev.gaia.protocol.identity.SignerTest.WEB3_KEY;
import static dev.gaia.protocol.identity.SignerTest.seeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
  static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  final ObjectMapper mapper = Json.newMapper();
  final Signer node = Signers.fromPrivateKey(WEB3_KEY);
  final Signer other = Signers.generate(seeded(99));
  final MutableClock clock = new MutableClock(T0);
  final EnvelopeVerifier verifier = new EnvelopeVerifier(clock, Duration.ofSeconds(30), Duration.ofMinutes(10));

  JsonNode heartbeat() {
    return mapper.createObjectNode().put("type", "heartbeat").put("load", 0.25);
  }

  SignedEnvelope seal(Signer signer) {
    return Envelopes.seal(signer, heartbeat(), Clock.fixed(clock.instant(), ZoneOffset.UTC), Duration.ofSeconds(60), seeded(1));
  }

  @Test
  void signs_exactly_the_defined_bytes() {
    SignedEnvelope envelope =
        Envelopes.seal(node, heartbeat(), Clock.fixed(T0.plusMillis(750), ZoneOffset.UTC), Duration.ofSeconds(60), seeded(1));
    assertThat(envelope.issuedAt()).isEqualTo(T0);
    assertThat(new String(envelope.signingInput(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"expiresAt\":\"2025-06-01T12:01:00Z\",\"issuedAt\":\"2025-06-01T12:00:00Z\",\"nonce\":\""
                + envelope.nonce()
                + "\",\"payload\":{\"load\":0.25,\"type\":\"heartbeat\"},"
                + "\"signer\":\"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\"}");
    assertThat(envelope.signature()).isEqualTo(node.sign(envelope.signingInput()));
    // Same key, clock and seed: the same envelope, byte for byte.
    assertThat(seal(node).toJson()).isEqualTo(envelope.toJson());
  }

  @Test
  void accepts_a_fresh_envelope_and_round_trips_the_wire_form() throws Exception {
    SignedEnvelope envelope = seal(node);
    String wire = mapper.writeValueAsString(envelope);
    assertThat(wire).contains("\"issuedAt\":\"2025-06-01T12:00:00Z\"", "\"expiresAt\":", "\"signer\":\"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\"");
    SignedEnvelope received = mapper.readValue(wire, SignedEnvelope.class);
    assertThat(received).isEqualTo(envelope);
    assertThat(verifier.verify(received, node.address())).isEqualTo(heartbeat());
  }

  @Test
  void rejects_a_changed_payload_as_forged() {
    ObjectNode wire = seal(node).toJson();
    ((ObjectNode) wire.get("payload")).put("load", 0.0);
    expectRejected(() -> verifier.verify(SignedEnvelope.fromJson(wire)), "signature_invalid");
  }

  @Test
  void rejects_a_claimed_signer_that_did_not_sign() {
    SignedEnvelope real = seal(other);
    SignedEnvelope claimed =
        new SignedEnvelope(real.payload(), node.address(), real.nonce(), real.issuedAt(), real.expiresAt(), real.signature());
    expectRejected(() -> verifier.verify(claimed), "signature_invalid");
  }

  @Test
  void rejects_a_valid_envelope_from_another_key() {
    expectRejected(() -> verifier.verify(seal(other), node.address()), "wrong_signer");
  }

  @Test
  void rejects_a_replay_until_expiry_and_then_forgets_the_nonce() {
    SignedEnvelope envelope = seal(node);
    verifier.verify(envelope);
    expectRejected(() -> verifier.verify(envelope), "replayed");
    assertThat(verifier.remembered()).isEqualTo(1);
    clock.set(envelope.expiresAt());
    expectRejected(() -> verifier.verify(envelope), "expired");
    assertThat(verifier.remembered()).isZero();
  }

  @Test
  void rejects_an_expired_envelope() {
    SignedEnvelope envelope = seal(node);
    clock.set(envelope.expiresAt().plusSeconds(1));
    expectRejected(() -> verifier.verify(envelope), "expired");
  }

  @Test
  void allows_skew_but_rejects_envelopes_from_the_future() {
    clock.set(T0.plusSeconds(30));
    SignedEnvelope slightlyAhead = seal(node);
    clock.set(T0);
    assertThat(verifier.verify(slightlyAhead)).isNotNull();
    clock.set(T0.plusSeconds(31));
    SignedEnvelope tooFarAhead = seal(node);
    clock.set(T0);
    expectRejected(() -> verifier.verify(tooFarAhead), "not_yet_valid");
  }

  @Test
  void rejects_lifetimes_longer_than_the_verifier_remembers() {
    SignedEnvelope envelope =
        Envelopes.seal(node, heartbeat(), clock, Duration.ofHours(1), seeded(2));
    expectRejected(() -> verifier.verify(envelope), "lifetime_too_long");
  }

  @Test
  void reports_malformed_wire_fields_by_name() {
    ObjectNode wire = seal(node).toJson();
    wire.put("nonce", "XYZ");
    assertThatThrownBy(() -> SignedEnvelope.fromJson(wire))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST))
        .hasMessageContaining("nonce");
    ObjectNode noTime = seal(node).toJson();
    noTime.remove("issuedAt");
    assertThatThrownBy(() -> SignedEnvelope.fromJson(noTime))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.param()).contains("envelope.issuedAt"));
  }

  @Test
  void accepts_an_envelope_once_under_concurrent_delivery() throws Exception {
    SignedEnvelope envelope = seal(node);
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      tasks.add(() -> {
        try {
          verifier.verify(envelope);
          return true;
        } catch (GaiaException e) {
          return false;
        }
      });
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      int accepted = 0;
      for (Future<Boolean> f : pool.invokeAll(tasks)) {
        accepted += f.get() ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
    }
  }

  private static void expectRejected(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(GaiaException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
          assertThat(e.code()).contains(code);
        });
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void set(Instant instant) {
      now.set(instant);
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
