package dev.gaia.protocol.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.Json;
import dev.gaia.protocol.identity.EnvelopeVerifier;
import dev.gaia.protocol.identity.Envelopes;
import dev.gaia.protocol.identity.SignedEnvelope;
import dev.gaia.protocol.identity.Signer;
import dev.gaia.protocol.identity.Signers;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Join messages travel signed: they round-trip, verify, and forgeries and replays fail. */
class DomainMessageTest {
  static final ObjectMapper JSON = Json.newMapper();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

  @Test
  void a_signed_join_round_trips_and_verifies() throws Exception {
    Signer node = Signers.generate(new SecureRandom(new byte[] {1}));
    DomainMessage join = new DomainMessage.Join("demo", Optional.of(URI.create("http://127.0.0.1:8080")), false,
        List.of(new DomainMessage.ServedModel("qwen", "chat", "ab".repeat(32))), List.of());
    JsonNode payload = JSON.valueToTree(join);
    assertThat(payload.get("type").asText()).isEqualTo("join");
    SignedEnvelope sealed = Envelopes.seal(node, payload, CLOCK, Duration.ofMinutes(1), new SecureRandom());
    SignedEnvelope received = SignedEnvelope.fromJson(JSON.readTree(JSON.writeValueAsString(sealed.toJson())));
    EnvelopeVerifier verifier = EnvelopeVerifier.create(CLOCK);
    JsonNode verified = verifier.verify(received, node.address());
    assertThat(JSON.treeToValue(verified, DomainMessage.class)).isEqualTo(join);
    assertThatThrownBy(() -> verifier.verify(received, node.address()))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.code()).hasValue("replayed"));
  }

  @Test
  void a_direct_join_needs_a_url() {
    assertThatThrownBy(() -> new DomainMessage.Join("d", Optional.empty(), false, List.of(), List.of()))
        .hasMessageContaining("URL");
  }
}
