package dev.gaia.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.identity.Address;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DomainStore} does. Each test gets a fresh, empty store from {@link #newStore}
 * reading "now" from {@link #clock}.
 */
abstract class DomainStoreContract {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123Z");
  static final Address A = new Address("0x1111111111111111111111111111111111111111");
  static final Address B = new Address("0x2222222222222222222222222222222222222222");
  static final Address C = new Address("0x3333333333333333333333333333333333333333");
  static final String HASH_1 = "a".repeat(64);
  static final String HASH_2 = "0123456789abcdef".repeat(4);

  final TestClock clock = new TestClock(T0);
  DomainStore store;

  /** A fresh, empty store. */
  abstract DomainStore newStore(InstantSource clock);

  @BeforeEach
  void openStore() {
    store = newStore(clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static NodeRecord direct(Address address, NodeState state) {
    return new NodeRecord(
        address, Optional.of(URI.create("http://10.0.0.1:8080/v1")), false, state,
        Map.of("llama-3.2-1b", HASH_1, "nomic-embed", HASH_2), T0, T0, Optional.empty());
  }

  static NodeRecord tunnelled(Address address) {
    return NodeRecord.joining(address, Optional.empty(), true, Map.of("qwen", HASH_2), T0);
  }

  static UsageEntry usage(String keyId, Address node, int prompt, int completion, Instant at) {
    return new UsageEntry(Optional.ofNullable(keyId), node, "llama-3.2-1b", prompt, completion, at);
  }

  static void assertKind(Runnable call, ErrorKind kind) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }

  // ---- nodes

  @Test
  void upserted_node_reads_back_equal() {
    NodeRecord node = direct(A, NodeState.ACTIVE).withState(NodeState.ACTIVE, "probes passed");
    assertThat(store.upsertNode(node)).isEqualTo(node);
    assertThat(store.node(A)).contains(node);
    assertThat(store.node(A).orElseThrow().modelHashes()).containsExactly(HASH_2, HASH_1);
  }

  @Test
  void tunnelled_node_without_url_reads_back_equal() {
    NodeRecord node = tunnelled(B);
    store.upsertNode(node);
    assertThat(store.node(B)).contains(node);
  }

  @Test
  void unknown_node_is_absent() {
    assertThat(store.node(A)).isEmpty();
    assertThat(store.nodes()).isEmpty();
  }

  @Test
  void upsert_replaces_every_field_but_the_first_join_time() {
    store.upsertNode(direct(A, NodeState.EJECTED));
    Instant later = clock.advance(Duration.ofHours(1));
    NodeRecord rejoin = NodeRecord.joining(A, Optional.of(URI.create("https://node.example:443")), false, Map.of("m", HASH_2), later);

    NodeRecord stored = store.upsertNode(rejoin);

    assertThat(stored.joinedAt()).isEqualTo(T0);
    assertThat(stored.lastSeen()).isEqualTo(later);
    assertThat(stored.state()).isEqualTo(NodeState.PENDING);
    assertThat(stored.url()).contains(URI.create("https://node.example:443"));
    assertThat(stored.models()).isEqualTo(Map.of("m", HASH_2));
    assertThat(store.node(A)).contains(stored);
  }

  @Test
  void nodes_lists_every_state_ordered_by_address() {
    store.upsertNode(direct(C, NodeState.EJECTED));
    store.upsertNode(tunnelled(A));
    store.upsertNode(direct(B, NodeState.DEGRADED));

    assertThat(store.nodes()).extracting(NodeRecord::address).containsExactly(A, B, C);
    assertThat(store.nodes()).extracting(NodeRecord::state)
        .containsExactly(NodeState.PENDING, NodeState.DEGRADED, NodeState.EJECTED);
  }

  @Test
  void set_state_keeps_the_reason_as_note() {
    store.upsertNode(tunnelled(A));

    NodeRecord ejected = store.setState(A, NodeState.EJECTED, "3 probes failed: connection refused");

    assertThat(ejected.state()).isEqualTo(NodeState.EJECTED);
    assertThat(ejected.note()).contains("3 probes failed: connection refused");
    assertThat(store.node(A)).contains(ejected);
  }

  @Test
  void touch_moves_last_seen_forward_only() {
    store.upsertNode(tunnelled(A));
    store.touch(A, T0.plusSeconds(30));
    store.touch(A, T0.plusSeconds(10));
    assertThat(store.node(A).orElseThrow().lastSeen()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void changing_an_unknown_node_is_not_found() {
    assertKind(() -> store.setState(A, NodeState.ACTIVE, "x"), ErrorKind.NOT_FOUND);
    assertKind(() -> store.touch(A, T0), ErrorKind.NOT_FOUND);
    assertKind(() -> store.recordProbe(new ProbeRecord(A, T0, true, "ok", Duration.ZERO)), ErrorKind.NOT_FOUND);
    assertThat(store.nodes()).isEmpty();
  }

  // ---- keys

  @Test
  void created_key_is_found_by_its_secret_and_only_its_hash_is_kept() {
    NewApiKey created = store.createKey("alice laptop", Optional.of(60), Optional.of(100_000));

    assertThat(created.secret()).startsWith("gaia_").hasSize(5 + 43);
    ApiKey key = created.key();
    assertThat(key.hash()).isEqualTo(KeySecrets.hash(created.secret())).doesNotContain(created.secret());
    assertThat(key.label()).isEqualTo("alice laptop");
    assertThat(key.rpm()).contains(60);
    assertThat(key.tpm()).contains(100_000);
    assertThat(key.createdAt()).isEqualTo(T0);
    assertThat(key.valid()).isTrue();
    assertThat(store.findKeyBySecret(created.secret())).contains(key);
    assertThat(store.key(key.id())).contains(key);
    assertThat(created.toString()).doesNotContain(created.secret());
  }

  @Test
  void a_wrong_secret_finds_no_key() {
    NewApiKey created = store.createKey("k", Optional.empty(), Optional.empty());
    String secret = created.secret();

    assertThat(store.findKeyBySecret(secret.substring(0, secret.length() - 1))).isEmpty();
    assertThat(store.findKeyBySecret(secret + "x")).isEmpty();
    assertThat(store.findKeyBySecret(created.key().hash())).as("the hash is not a secret").isEmpty();
    assertThat(store.findKeyBySecret("")).isEmpty();
    assertThat(store.key("key_0000000000000000")).isEmpty();
  }

  @Test
  void every_key_gets_its_own_id_and_secret() {
    NewApiKey one = store.createKey("one", Optional.empty(), Optional.empty());
    NewApiKey two = store.createKey("two", Optional.empty(), Optional.empty());

    assertThat(one.key().id()).isNotEqualTo(two.key().id()).matches("key_[0-9a-f]{16}");
    assertThat(one.secret()).isNotEqualTo(two.secret());
    assertThat(store.findKeyBySecret(two.secret()).map(ApiKey::label)).contains("two");
  }

  @Test
  void a_revoked_key_is_still_found_but_not_valid() {
    NewApiKey created = store.createKey("k", Optional.of(10), Optional.empty());
    Instant revokedAt = clock.advance(Duration.ofMinutes(5));

    ApiKey revoked = store.revokeKey(created.key().id());
    clock.advance(Duration.ofMinutes(5));
    ApiKey again = store.revokeKey(created.key().id());

    assertThat(revoked.revokedAt()).contains(revokedAt);
    assertThat(revoked.valid()).isFalse();
    assertThat(again).as("revoking twice keeps the first time").isEqualTo(revoked);
    assertThat(store.findKeyBySecret(created.secret())).contains(revoked);
    assertKind(() -> store.revokeKey("key_ffffffffffffffff"), ErrorKind.NOT_FOUND);
  }

  @Test
  void keys_are_listed_oldest_first_with_revoked_ones() {
    ApiKey first = store.createKey("first", Optional.empty(), Optional.of(5)).key();
    clock.advance(Duration.ofSeconds(1));
    ApiKey second = store.createKey("second", Optional.of(1), Optional.empty()).key();
    ApiKey revokedFirst = store.revokeKey(first.id());

    assertThat(store.keys()).containsExactly(revokedFirst, second);
  }

  // ---- usage

  @Test
  void usage_is_summed_per_key_and_per_node() {
    String k1 = store.createKey("k1", Optional.empty(), Optional.empty()).key().id();
    String k2 = store.createKey("k2", Optional.empty(), Optional.empty()).key().id();
    store.recordUsage(List.of(
        usage(k1, A, 10, 20, T0),
        usage(k1, B, 1, 2, T0),
        usage(k2, A, 100, 200, T0),
        usage(null, A, 1000, 2000, T0)));
    store.recordUsage(usage(k1, A, 3, 4, T0));

    assertThat(store.usageOfKey(k1)).isEqualTo(new UsageTotals(3, 14, 26));
    assertThat(store.usageOfKey(k2)).isEqualTo(new UsageTotals(1, 100, 200));
    assertThat(store.usageOfNode(A)).as("keyless requests count for the node").isEqualTo(new UsageTotals(4, 1113, 2224));
    assertThat(store.usageOfNode(B)).isEqualTo(new UsageTotals(1, 1, 2));
    assertThat(store.usageOfNode(C)).isEqualTo(UsageTotals.ZERO);
    assertThat(store.usageOfKey("key_0000000000000000")).isEqualTo(UsageTotals.ZERO);
    assertThat(store.usageOfKey(k1).totalTokens()).isEqualTo(40);
  }

  @Test
  void usage_since_counts_entries_at_or_after_the_instant() {
    Instant t1 = T0.plusSeconds(60);
    Instant t2 = T0.plusSeconds(120);
    store.recordUsage(List.of(usage("k", A, 1, 1, T0), usage("k", A, 2, 2, t1), usage("k", A, 4, 4, t2)));

    assertThat(store.usageOfKey("k", t1)).isEqualTo(new UsageTotals(2, 6, 6));
    assertThat(store.usageOfNode(A, t1.plusMillis(1))).isEqualTo(new UsageTotals(1, 4, 4));
    assertThat(store.usageOfNode(A, t2.plusMillis(1))).isEqualTo(UsageTotals.ZERO);
  }

  @Test
  void an_empty_batch_records_nothing() {
    store.recordUsage(List.of());
    assertThat(store.usageOfNode(A)).isEqualTo(UsageTotals.ZERO);
  }

  @Test
  void concurrent_usage_recording_loses_nothing() throws Exception {
    int threads = 4;
    int batches = 25;
    int perBatch = 4;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String key = "key_" + t;
        done.add(pool.submit(() -> {
          for (int b = 0; b < batches; b++) {
            List<UsageEntry> batch = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
              batch.add(usage(key, A, 1, 2, T0));
            }
            store.recordUsage(batch);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    long n = (long) threads * batches * perBatch;
    assertThat(store.usageOfNode(A)).isEqualTo(new UsageTotals(n, n, 2 * n));
    assertThat(store.usageOfKey("key_2")).isEqualTo(new UsageTotals(n / threads, n / threads, 2 * n / threads));
  }

  // ---- probes

  @Test
  void recent_probes_are_the_newest_first() {
    store.upsertNode(tunnelled(A));
    store.upsertNode(tunnelled(B));
    for (int i = 0; i < 5; i++) {
      store.recordProbe(new ProbeRecord(A, T0.plusSeconds(i), i % 2 == 0, "probe " + i, Duration.ofMillis(i)));
    }
    store.recordProbe(new ProbeRecord(B, T0.plusSeconds(9), false, "timeout after 5 s", Duration.ofSeconds(5)));

    assertThat(store.recentProbes(A, 3)).extracting(ProbeRecord::detail).containsExactly("probe 4", "probe 3", "probe 2");
    assertThat(store.recentProbes(A, 100)).hasSize(5);
    assertThat(store.recentProbes(B, 1))
        .containsExactly(new ProbeRecord(B, T0.plusSeconds(9), false, "timeout after 5 s", Duration.ofSeconds(5)));
    assertThat(store.recentProbes(C, 10)).isEmpty();
    assertKind(() -> store.recentProbes(A, 0), ErrorKind.INVALID_REQUEST);
  }

  @Test
  void probes_at_the_same_instant_come_back_latest_recorded_first() {
    store.upsertNode(tunnelled(A));
    store.recordProbe(new ProbeRecord(A, T0, true, "first", Duration.ZERO));
    store.recordProbe(new ProbeRecord(A, T0, false, "second", Duration.ZERO));
    assertThat(store.recentProbes(A, 2)).extracting(ProbeRecord::detail).containsExactly("second", "first");
  }

  @Test
  void probe_latency_is_kept_to_the_microsecond() {
    store.upsertNode(tunnelled(A));
    ProbeRecord probe = new ProbeRecord(A, T0, true, "ok", Duration.ofNanos(1_234_567));
    store.recordProbe(probe);
    assertThat(store.recentProbes(A, 1).getFirst().latency()).isEqualTo(Duration.ofNanos(1_234_000));
  }

  // ---- settings

  @Test
  void config_is_empty_until_saved_and_the_last_save_wins() {
    assertThat(store.config()).isEmpty();
    store.saveConfig(DomainConfig.defaults("rust.gaia.domains"));
    DomainConfig changed = new DomainConfig("rust.gaia.domains", JoinPolicy.APPROVAL, Set.of(HASH_1, HASH_2), true);
    store.saveConfig(changed);
    assertThat(store.config()).contains(changed);
    DomainConfig withKnowledge = new DomainConfig("rust.gaia.domains", JoinPolicy.OPEN, Set.of(), false,
        java.util.Optional.of(new DomainConfig.KnowledgeCanary("How do I install?", "install.md")));
    store.saveConfig(withKnowledge);
    assertThat(store.config()).contains(withKnowledge);
  }
}
