package dev.gaia.domain.store;

import static org.assertj.core.api.Assertions.fail;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The PostgreSQL server tests run against: 127.0.0.1:5432, trust authentication, database {@code
 * test} (the project's machines run one; {@code .ci/run} starts one where none runs). Each test
 * class works in schemas of its own, {@code gaia_test_<random hex>}, dropped afterwards.
 */
final class TestPostgres {
  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=5";

  private TestPostgres() {}

  /** Fails the test, saying what is missing, when no server answers. */
  static void requireServer() {
    try (Connection c = DriverManager.getConnection(SERVER)) {
      c.isValid(5);
    } catch (SQLException e) {
      fail("These tests need PostgreSQL on 127.0.0.1:5432 with trust authentication for user postgres and a"
          + " database named test; none answered (" + e.getMessage() + "). Start one: .ci/run does, or"
          + " pg_ctlcluster --skip-systemctl-redirect 15 main start && createdb -h 127.0.0.1 -U postgres test", e);
    }
  }

  /** A new, empty schema's name. */
  static String newSchema() {
    byte[] bytes = new byte[6];
    new SecureRandom().nextBytes(bytes);
    String schema = "gaia_test_" + HexFormat.of().formatHex(bytes);
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  static void dropSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** The JDBC URL a store opens to work in {@code schema}. */
  static String url(String schema) {
    return SERVER + "&currentSchema=" + schema;
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }
}
