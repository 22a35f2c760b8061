package dev.gaia.domain.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.gaia.protocol.Json;
import dev.gaia.protocol.identity.Address;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;

/**
 * A domain store on SQLite or PostgreSQL through plain JDBC and a HikariCP pool; one code path,
 * what differs lives in {@link SqlDialect}. The schema is migrated by Flyway on open (PostgreSQL:
 * under an advisory lock, so replicas starting together migrate once).
 *
 * <p>Thread-safe: each call borrows a connection; writes of more than one statement run in a
 * transaction. Replicas on one database see each other's commits on their next call.
 */
final class JdbcDomainStore implements DomainStore {
  private static final String MIGRATIONS = "classpath:db/migration/common";
  private static final String CONFIG_ROW = "domain_config";
  private static final TypeReference<TreeMap<String, String>> MODELS = new TypeReference<>() {};
  private static final String NODE_COLUMNS = "address, url, tunnel, state, models, joined_at_ms, last_seen_ms, note";
  private static final String KEY_COLUMNS = "id, hash, label, rpm, tpm, created_at_ms, revoked_at_ms";

  private final HikariDataSource pool;
  private final InstantSource clock;
  private final KeySecrets secrets;
  private final ObjectMapper json = Json.newMapper();

  private JdbcDomainStore(HikariDataSource pool, InstantSource clock, KeySecrets secrets) {
    this.pool = pool;
    this.clock = clock;
    this.secrets = secrets;
  }

  /** Connects, migrates the schema to the newest version, and returns the store. */
  static JdbcDomainStore open(SqlDialect dialect, InstantSource clock, KeySecrets secrets) {
    HikariDataSource pool = dialect.connect();
    try {
      Flyway.configure(JdbcDomainStore.class.getClassLoader())
          .dataSource(pool)
          .locations(MIGRATIONS)
          .placeholders(dialect.migrationPlaceholders())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw StoreErrors.failed("migrate the schema of " + dialect.describe(), e);
    }
    return new JdbcDomainStore(pool, clock, secrets);
  }

  // ---- nodes

  @Override
  public NodeRecord upsertNode(NodeRecord node) {
    String models = toJson(new TreeMap<>(node.models()));
    return write("store node " + node.address(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO nodes (" + NODE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
              + "ON CONFLICT (address) DO UPDATE SET url = excluded.url, tunnel = excluded.tunnel, "
              + "state = excluded.state, models = excluded.models, last_seen_ms = excluded.last_seen_ms, "
              + "note = excluded.note")) {
        s.setString(1, node.address().value());
        s.setString(2, node.url().map(URI::toString).orElse(null));
        s.setBoolean(3, node.tunnel());
        s.setString(4, node.state().wire());
        s.setString(5, models);
        s.setLong(6, node.joinedAt().toEpochMilli());
        s.setLong(7, node.lastSeen().toEpochMilli());
        s.setString(8, node.note().orElse(null));
        s.executeUpdate();
      }
      return selectNode(c, node.address()).orElseThrow();
    });
  }

  @Override
  public Optional<NodeRecord> node(Address address) {
    return read("read node " + address, c -> selectNode(c, address));
  }

  @Override
  public List<NodeRecord> nodes() {
    return read("list nodes", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + NODE_COLUMNS + " FROM nodes ORDER BY address");
          ResultSet rs = s.executeQuery()) {
        List<NodeRecord> out = new ArrayList<>();
        while (rs.next()) {
          out.add(readNode(rs));
        }
        return List.copyOf(out);
      }
    });
  }

  @Override
  public NodeRecord setState(Address address, NodeState state, String reason) {
    return write("set the state of node " + address, c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE nodes SET state = ?, note = ? WHERE address = ?")) {
        s.setString(1, state.wire());
        s.setString(2, reason);
        s.setString(3, address.value());
        if (s.executeUpdate() == 0) {
          throw StoreErrors.unknownNode(address);
        }
      }
      return selectNode(c, address).orElseThrow();
    });
  }

  @Override
  public void touch(Address address, Instant seen) {
    long ms = seen.toEpochMilli();
    write("record that node " + address + " was seen", c -> {
      // CASE rather than SQLite's max(a, b) / PostgreSQL's greatest(a, b): the same in both.
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE nodes SET last_seen_ms = CASE WHEN last_seen_ms < ? THEN ? ELSE last_seen_ms END WHERE address = ?")) {
        s.setLong(1, ms);
        s.setLong(2, ms);
        s.setString(3, address.value());
        if (s.executeUpdate() == 0) {
          throw StoreErrors.unknownNode(address);
        }
      }
      return null;
    });
  }

  private Optional<NodeRecord> selectNode(Connection c, Address address) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + NODE_COLUMNS + " FROM nodes WHERE address = ?")) {
      s.setString(1, address.value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(readNode(rs)) : Optional.empty();
      }
    }
  }

  private NodeRecord readNode(ResultSet rs) throws SQLException {
    return new NodeRecord(
        new Address(rs.getString("address")),
        Optional.ofNullable(rs.getString("url")).map(URI::create),
        rs.getBoolean("tunnel"),
        NodeState.ofWire(rs.getString("state")),
        fromJson(rs.getString("models"), MODELS),
        Instant.ofEpochMilli(rs.getLong("joined_at_ms")),
        Instant.ofEpochMilli(rs.getLong("last_seen_ms")),
        Optional.ofNullable(rs.getString("note")));
  }

  // ---- API keys

  @Override
  public NewApiKey createKey(String label, Optional<Integer> rpm, Optional<Integer> tpm) {
    String secret = secrets.newSecret();
    ApiKey key = new ApiKey(secrets.newId(), KeySecrets.hash(secret), label, rpm, tpm, clock.instant(), Optional.empty());
    write("create an API key", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO api_keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL)")) {
        s.setString(1, key.id());
        s.setString(2, key.hash());
        s.setString(3, key.label());
        setNullableInt(s, 4, key.rpm());
        setNullableInt(s, 5, key.tpm());
        s.setLong(6, key.createdAt().toEpochMilli());
        s.executeUpdate();
      }
      return null;
    });
    return new NewApiKey(key, secret);
  }

  @Override
  public Optional<ApiKey> findKeyBySecret(String secret) {
    String hash = KeySecrets.hash(secret);
    return read("look up an API key", c -> selectKey(c, "hash", hash)).filter(k -> KeySecrets.matches(k, hash));
  }

  @Override
  public Optional<ApiKey> key(String id) {
    return read("read API key " + id, c -> selectKey(c, "id", id));
  }

  @Override
  public List<ApiKey> keys() {
    return read("list API keys", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + KEY_COLUMNS + " FROM api_keys ORDER BY created_at_ms, id");
          ResultSet rs = s.executeQuery()) {
        List<ApiKey> out = new ArrayList<>();
        while (rs.next()) {
          out.add(readKey(rs));
        }
        return List.copyOf(out);
      }
    });
  }

  @Override
  public ApiKey revokeKey(String id) {
    long now = clock.instant().toEpochMilli();
    return write("revoke API key " + id, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE api_keys SET revoked_at_ms = ? WHERE id = ? AND revoked_at_ms IS NULL")) {
        s.setLong(1, now);
        s.setString(2, id);
        s.executeUpdate();
      }
      return selectKey(c, "id", id).orElseThrow(() -> StoreErrors.unknownKey(id));
    });
  }

  /** {@code column} is a constant of this class, never caller input. */
  private Optional<ApiKey> selectKey(Connection c, String column, String value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE " + column + " = ?")) {
      s.setString(1, value);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(readKey(rs)) : Optional.empty();
      }
    }
  }

  private static ApiKey readKey(ResultSet rs) throws SQLException {
    long revoked = rs.getLong("revoked_at_ms");
    boolean valid = rs.wasNull();
    return new ApiKey(
        rs.getString("id"),
        rs.getString("hash"),
        rs.getString("label"),
        nullableInt(rs, "rpm"),
        nullableInt(rs, "tpm"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        valid ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked)));
  }

  // ---- usage

  @Override
  public void recordUsage(List<UsageEntry> entries) {
    List<UsageEntry> batch = List.copyOf(entries);
    if (batch.isEmpty()) {
      return;
    }
    write("record usage", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO usage_log (key_id, node, model, prompt_tokens, completion_tokens, at_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (UsageEntry e : batch) {
          s.setString(1, e.keyId().orElse(null));
          s.setString(2, e.node().value());
          s.setString(3, e.model());
          s.setInt(4, e.promptTokens());
          s.setInt(5, e.completionTokens());
          s.setLong(6, e.at().toEpochMilli());
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    });
  }

  @Override
  public UsageTotals usageOfKey(String keyId, Instant since) {
    return usageWhere("key_id", keyId, since);
  }

  @Override
  public UsageTotals usageOfNode(Address node, Instant since) {
    return usageWhere("node", node.value(), since);
  }

  /** {@code column} is a constant of this class, never caller input. */
  private UsageTotals usageWhere(String column, String value, Instant since) {
    return read("sum usage", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0) "
              + "FROM usage_log WHERE " + column + " = ? AND at_ms >= ?")) {
        s.setString(1, value);
        s.setLong(2, since.toEpochMilli());
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return new UsageTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
      }
    });
  }

  // ---- probes

  @Override
  public void recordProbe(ProbeRecord probe) {
    write("record a probe of node " + probe.node(), c -> {
      // Inserts nothing for an unknown node: one statement, no dialect-specific foreign-key error codes.
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO probes (node, at_ms, passed, detail, latency_us) "
              + "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM nodes WHERE address = ?)")) {
        s.setString(1, probe.node().value());
        s.setLong(2, probe.at().toEpochMilli());
        s.setBoolean(3, probe.passed());
        s.setString(4, probe.detail());
        s.setLong(5, probe.latency().toNanos() / 1_000);
        s.setString(6, probe.node().value());
        if (s.executeUpdate() == 0) {
          throw StoreErrors.unknownNode(probe.node());
        }
      }
      return null;
    });
  }

  @Override
  public List<ProbeRecord> recentProbes(Address node, int limit) {
    StoreErrors.requireLimit(limit);
    return read("read the probes of node " + node, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT at_ms, passed, detail, latency_us FROM probes WHERE node = ? ORDER BY at_ms DESC, id DESC LIMIT ?")) {
        s.setString(1, node.value());
        s.setInt(2, limit);
        try (ResultSet rs = s.executeQuery()) {
          List<ProbeRecord> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new ProbeRecord(
                node,
                Instant.ofEpochMilli(rs.getLong("at_ms")),
                rs.getBoolean("passed"),
                rs.getString("detail"),
                Duration.ofNanos(rs.getLong("latency_us") * 1_000)));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  // ---- settings

  @Override
  public Optional<DomainConfig> config() {
    Optional<String> text = read("read the domain settings", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT json FROM settings WHERE name = ?")) {
        s.setString(1, CONFIG_ROW);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
    return text.map(t -> fromJson(t, new TypeReference<DomainConfig>() {}));
  }

  @Override
  public void saveConfig(DomainConfig config) {
    String text = toJson(config);
    write("save the domain settings", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO settings (name, json) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET json = excluded.json")) {
        s.setString(1, CONFIG_ROW);
        s.setString(2, text);
        s.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void close() {
    pool.close();
  }

  // ---- plumbing

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} on a pooled connection in auto-commit mode. */
  private <T> T read(String what, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw StoreErrors.failed(what, e);
    }
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  private <T> T write(String what, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw StoreErrors.failed(what, e);
    }
  }

  private static void setNullableInt(PreparedStatement s, int index, Optional<Integer> value) throws SQLException {
    if (value.isPresent()) {
      s.setInt(index, value.get());
    } else {
      s.setNull(index, Types.INTEGER);
    }
  }

  private static Optional<Integer> nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw StoreErrors.failed("write JSON", e);
    }
  }

  private <T> T fromJson(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw StoreErrors.failed("read stored JSON", e);
    }
  }

}
