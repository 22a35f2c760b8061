package dev.gaia.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.protocol.identity.Address;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordsTest {
  private static final Address A = DomainStoreContract.A;
  private static final Instant T = Instant.parse("2026-01-01T00:00:00.123456789Z");

  @Test
  void a_direct_node_needs_an_http_url() {
    assertThatThrownBy(() -> NodeRecord.joining(A, Optional.empty(), false, Map.of(), T))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("direct mode");
    assertThatThrownBy(() -> NodeRecord.joining(A, Optional.of(URI.create("ftp://x/")), false, Map.of(), T))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
  }

  @Test
  void model_hashes_are_sha256_hex_kept_lower_case() {
    NodeRecord node = NodeRecord.joining(A, Optional.empty(), true, Map.of("m", "AB".repeat(32)), T);
    assertThat(node.models()).containsEntry("m", "ab".repeat(32));
    assertThatThrownBy(() -> NodeRecord.joining(A, Optional.empty(), true, Map.of("m", "abc"), T))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
    assertThatThrownBy(() -> new DomainConfig("d", JoinPolicy.OPEN, Set.of("xyz"), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void instants_are_kept_to_the_millisecond() {
    assertThat(NodeRecord.joining(A, Optional.empty(), true, Map.of(), T).joinedAt())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
    assertThat(new ProbeRecord(A, T, true, "", Duration.ofNanos(1_999)).latency()).isEqualTo(Duration.ofNanos(1_000));
  }

  @Test
  void key_limits_are_positive_and_tokens_not_negative() {
    String hash = "0".repeat(64);
    assertThatThrownBy(() -> new ApiKey("key_1", hash, "", Optional.of(0), Optional.empty(), T, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rpm");
    assertThatThrownBy(() -> new UsageEntry(Optional.empty(), A, "m", -1, 0, T)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void node_states_have_lower_case_names() {
    for (NodeState s : NodeState.values()) {
      assertThat(NodeState.ofWire(s.wire())).isEqualTo(s);
    }
    assertThat(NodeState.DEGRADED.wire()).isEqualTo("degraded");
  }
}
