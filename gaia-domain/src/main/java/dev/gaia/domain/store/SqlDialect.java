package dev.gaia.domain.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between the databases the store runs on. The SQL itself is shared ({@code INSERT ...
 * ON CONFLICT DO UPDATE}, {@code LIMIT ?}, {@code CASE}, {@code BOOLEAN} and {@code BIGINT} columns
 * read the same in both); what is left is how to connect and the auto-numbered key of the
 * migration.
 */
sealed interface SqlDialect {

  /** A pool of connections to the database, created (folders included) if needed. */
  HikariDataSource connect();

  /** Values of the {@code ${...}} placeholders in the migrations. */
  Map<String, String> migrationPlaceholders();

  /** The database, for messages: never a password. */
  String describe();

  /**
   * The dialect of {@code target}: {@code jdbc:postgresql://...} is PostgreSQL; {@code
   * jdbc:sqlite:PATH} or a bare file path is SQLite. Anything else is {@code INVALID_REQUEST}.
   */
  static SqlDialect of(String target) {
    Objects.requireNonNull(target, "target");
    if (target.startsWith("jdbc:postgresql:")) {
      return new Postgresql(target);
    }
    String path = target.startsWith("jdbc:sqlite:") ? target.substring("jdbc:sqlite:".length()) : target;
    if (path.startsWith("jdbc:") || path.startsWith("postgres://") || path.startsWith("postgresql://")) {
      throw GaiaException.invalid(
          "db", "unsupported database \"" + target + "\": give a file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB");
    }
    if (path.isBlank() || path.startsWith(":memory:") || path.startsWith("file:") || path.contains("?")) {
      throw GaiaException.invalid(
          "db", "a SQLite database is a plain file path (no :memory:, file: or ?options), got \"" + target + "\"");
    }
    try {
      return new Sqlite(Path.of(path));
    } catch (InvalidPathException e) {
      throw GaiaException.invalid("db", "not a file path: \"" + path + "\"");
    }
  }

  /**
   * SQLite in one file. The pool holds a few connections in WAL mode: readers never block the
   * writer nor each other, and a writer waits up to {@link #BUSY_TIMEOUT_MS} for another (busy
   * timeout) instead of failing. Write transactions begin IMMEDIATE, taking the write lock up front:
   * a deferred one that read first and then wrote could fail with SQLITE_BUSY at once, whatever the
   * timeout, when another connection committed in between. {@code synchronous=NORMAL} is safe in WAL
   * mode (a power cut may lose the last commits, never corrupt the file). Foreign keys are off by
   * default in SQLite and turned on per connection.
   */
  record Sqlite(Path file) implements SqlDialect {
    static final int BUSY_TIMEOUT_MS = 10_000;
    static final int POOL_SIZE = 4;

    public Sqlite {
      file = file.toAbsolutePath().normalize();
    }

    @Override
    public HikariDataSource connect() {
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new GaiaException(
            ErrorKind.INTERNAL, "cannot create the folder of " + describe(), "db", "store_error", null, e);
      }
      HikariConfig config = new HikariConfig();
      config.setPoolName("gaia-domain-store");
      config.setJdbcUrl("jdbc:sqlite:" + file);
      config.setMaximumPoolSize(POOL_SIZE);
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "NORMAL");
      config.addDataSourceProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
      config.addDataSourceProperty("foreign_keys", "true");
      config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      return Pools.start(config, this);
    }

    @Override
    public Map<String, String> migrationPlaceholders() {
      // An alias of the rowid: numbered in insertion order.
      return Map.of("id_column", "INTEGER PRIMARY KEY");
    }

    @Override
    public String describe() {
      return "SQLite file " + file;
    }
  }

  /**
   * PostgreSQL at a JDBC URL, as given (user, password, {@code currentSchema} and other options
   * included). Batched inserts are rewritten into multi-row inserts by the driver.
   */
  record Postgresql(String jdbcUrl) implements SqlDialect {
    static final int POOL_SIZE = 8;

    public Postgresql {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    @Override
    public HikariDataSource connect() {
      HikariConfig config = new HikariConfig();
      config.setPoolName("gaia-domain-store");
      config.setJdbcUrl(jdbcUrl);
      config.setMaximumPoolSize(POOL_SIZE);
      config.setMinimumIdle(2);
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
      config.addDataSourceProperty("connectTimeout", "10");
      return Pools.start(config, this);
    }

    @Override
    public Map<String, String> migrationPlaceholders() {
      return Map.of("id_column", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
    }

    @Override
    public String describe() {
      // Options may carry a password: leave them out.
      int query = jdbcUrl.indexOf('?');
      String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
      return "PostgreSQL " + base.replaceFirst("//[^/@]*@", "//");
    }
  }

  /** Starting a pool, with a failure that says which database did not answer. */
  final class Pools {
    private Pools() {}

    static HikariDataSource start(HikariConfig config, SqlDialect dialect) {
      try {
        return new HikariDataSource(config);
      } catch (RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null) {
          root = root.getCause();
        }
        throw new GaiaException(
            ErrorKind.UNAVAILABLE,
            "cannot connect to the domain database (" + dialect.describe() + "): " + root.getMessage(),
            "db",
            "store_unavailable",
            null,
            e);
      }
    }
  }
}
