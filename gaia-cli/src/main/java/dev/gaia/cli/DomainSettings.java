package dev.gaia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a domain gateway runs ({@code domain.json} in the domain home): where it listens, which
 * database holds its state, and its routing policy. The domain's own rules (name, join policy,
 * required models, open or keyed) live in the database, so every replica shares them.
 *
 * @param db a {@code jdbc:postgresql://} URL, or empty for SQLite in the home ({@code domain.db})
 * @param policy {@code least-loaded} (default) or {@code weighted-random} (Gaia's, for comparisons)
 * @param heartbeatTimeoutSeconds nodes silent this long stop getting traffic; 0 turns the check off
 */
record DomainSettings(String host, int port, String db, String policy, int heartbeatTimeoutSeconds) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  DomainSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(policy, "policy");
    if (port < 0 || port > 65535) {
      throw GaiaException.invalid("port", "port must be in 0..65535, got " + port);
    }
    if (!policy.equals("least-loaded") && !policy.equals("weighted-random")) {
      throw GaiaException.invalid("policy", "policy must be least-loaded or weighted-random, got '" + policy + "'");
    }
    if (heartbeatTimeoutSeconds < 0) {
      throw GaiaException.invalid("heartbeat_timeout_seconds", "must be >= 0");
    }
  }

  static Path file(Path home) {
    return home.resolve("domain.json");
  }

  /** The store target: the configured database, else SQLite in the home. */
  String storeTarget(Path home) {
    return db.isBlank() ? home.resolve("domain.db").toString() : db;
  }

  static DomainSettings read(Path home) {
    Path f = file(home);
    if (!Files.isRegularFile(f)) {
      throw new GaiaException(ErrorKind.NOT_FOUND, "no domain at " + home + ": run 'gaia domain init --name NAME' first");
    }
    try {
      return JSON.readValue(f.toFile(), DomainSettings.class);
    } catch (IOException e) {
      throw new GaiaException(ErrorKind.INVALID_REQUEST, f + " is not valid: " + e.getMessage());
    }
  }

  void write(Path home) {
    try {
      AtomicFiles.write(file(home), JSON.writeValueAsBytes(this));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
