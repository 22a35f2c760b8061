package dev.gaia.domain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two gateway replicas on one PostgreSQL schema serve the same domain. */
class PostgresReplicasTest {
  private static final Instant T0 = DomainStoreContract.T0;

  private final TestClock clock = new TestClock(T0);
  private String schema;
  private DomainStore one;
  private DomainStore two;

  @BeforeAll
  static void server() {
    TestPostgres.requireServer();
  }

  @BeforeEach
  void startReplicas() throws Exception {
    schema = TestPostgres.newSchema();
    String url = TestPostgres.url(schema);
    // Started together, as replicas of one deployment are: the migration runs once, under a lock.
    try (ExecutorService starts = Executors.newFixedThreadPool(2)) {
      Future<DomainStore> first = starts.submit(() -> DomainStores.open(url, clock));
      Future<DomainStore> second = starts.submit(() -> DomainStores.open(url, clock));
      one = first.get();
      two = second.get();
    }
  }

  @AfterEach
  void stopReplicas() {
    if (one != null) {
      one.close();
    }
    if (two != null) {
      two.close();
    }
    TestPostgres.dropSchema(schema);
  }

  @Test
  void a_key_created_through_one_replica_is_found_and_revoked_through_the_other() {
    NewApiKey created = one.createKey("shared", Optional.of(60), Optional.empty());

    assertThat(two.findKeyBySecret(created.secret())).contains(created.key());
    ApiKey revoked = two.revokeKey(created.key().id());
    assertThat(one.findKeyBySecret(created.secret())).contains(revoked);
    assertThat(one.keys()).containsExactly(revoked);
  }

  @Test
  void a_node_registered_through_one_replica_is_listed_by_the_other() {
    one.upsertNode(DomainStoreContract.tunnelled(DomainStoreContract.A));
    two.upsertNode(DomainStoreContract.direct(DomainStoreContract.B, NodeState.PENDING));

    assertThat(two.nodes()).extracting(NodeRecord::address).containsExactly(DomainStoreContract.A, DomainStoreContract.B);
    two.setState(DomainStoreContract.A, NodeState.ACTIVE, "probes passed");
    assertThat(one.node(DomainStoreContract.A).orElseThrow().state()).isEqualTo(NodeState.ACTIVE);
    one.recordProbe(new ProbeRecord(DomainStoreContract.B, T0, true, "ok", Duration.ofMillis(3)));
    assertThat(two.recentProbes(DomainStoreContract.B, 5)).hasSize(1);
  }

  @Test
  void settings_saved_by_one_replica_are_read_by_the_other() {
    one.saveConfig(new DomainConfig("d", JoinPolicy.CLOSED, Set.of(), true));
    assertThat(two.config()).contains(new DomainConfig("d", JoinPolicy.CLOSED, Set.of(), true));
  }

  @Test
  void concurrent_usage_from_both_replicas_loses_nothing() throws Exception {
    String key = one.createKey("busy", Optional.empty(), Optional.empty()).key().id();
    int writersPerReplica = 3;
    int batches = 30;
    int perBatch = 5;
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2 * writersPerReplica)) {
      for (DomainStore replica : List.of(one, two)) {
        for (int w = 0; w < writersPerReplica; w++) {
          writers.add(CompletableFuture.runAsync(() -> {
            for (int b = 0; b < batches; b++) {
              List<UsageEntry> batch = new ArrayList<>();
              for (int i = 0; i < perBatch; i++) {
                batch.add(DomainStoreContract.usage(key, DomainStoreContract.A, 3, 5, T0));
              }
              replica.recordUsage(batch);
            }
          }, pool));
        }
      }
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
    }
    long n = 2L * writersPerReplica * batches * perBatch;
    assertThat(one.usageOfKey(key)).isEqualTo(new UsageTotals(n, 3 * n, 5 * n));
    assertThat(two.usageOfNode(DomainStoreContract.A)).isEqualTo(new UsageTotals(n, 3 * n, 5 * n));
  }
}
