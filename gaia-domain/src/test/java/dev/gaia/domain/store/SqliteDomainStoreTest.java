package dev.gaia.domain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDomainStoreTest extends DomainStoreContract {
  @TempDir Path dir;

  /** Under folders that do not exist yet: opening creates them. */
  Path file() {
    return dir.resolve("home/domain/domain.db");
  }

  @Override
  DomainStore newStore(InstantSource clock) {
    return DomainStores.open(file().toString(), clock);
  }

  @Test
  void a_restarted_gateway_finds_its_nodes_keys_usage_and_probes() {
    store.upsertNode(direct(A, NodeState.ACTIVE));
    store.setState(A, NodeState.DEGRADED, "slow");
    NewApiKey key = store.createKey("ops", Optional.of(30), Optional.empty());
    store.recordUsage(usage(key.key().id(), A, 7, 9, T0));
    store.recordProbe(new ProbeRecord(A, T0, true, "ok", Duration.ofMillis(12)));
    store.saveConfig(DomainConfig.defaults("d"));
    List<?> nodes = store.nodes();
    store.close();

    store = DomainStores.open("jdbc:sqlite:" + file(), clock);

    assertThat(store.nodes()).isEqualTo(nodes);
    assertThat(store.findKeyBySecret(key.secret())).contains(key.key());
    assertThat(store.usageOfKey(key.key().id())).isEqualTo(new UsageTotals(1, 7, 9));
    assertThat(store.usageOfNode(A)).isEqualTo(new UsageTotals(1, 7, 9));
    assertThat(store.recentProbes(A, 5)).hasSize(1);
    assertThat(store.config()).contains(DomainConfig.defaults("d"));
  }

  @Test
  void the_file_is_in_wal_mode_and_holds_no_secret() throws Exception {
    NewApiKey key = store.createKey("k", Optional.empty(), Optional.empty());
    store.close();
    store = DomainStores.inMemory();

    assertThat(Files.readString(file(), StandardCharsets.ISO_8859_1)).doesNotContain(key.secret());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }
}
