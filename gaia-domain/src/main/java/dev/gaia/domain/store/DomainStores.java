package dev.gaia.domain.store;

import java.security.SecureRandom;
import java.time.InstantSource;

/** Opening domain stores. */
public final class DomainStores {
  private DomainStores() {}

  /**
   * The store at {@code target}, its schema migrated to this version:
   *
   * <ul>
   *   <li>a file path or {@code jdbc:sqlite:PATH}: SQLite in that file, folders and file created if
   *       missing (the default, e.g. {@code ~/.gaia/domain/domain.db} as resolved by the CLI);
   *   <li>{@code jdbc:postgresql://HOST[:PORT]/DB[?options]}: PostgreSQL, for several gateway
   *       replicas serving one domain; {@code currentSchema=} picks the schema, which must exist.
   * </ul>
   *
   * Throws {@code GaiaException} of kind {@code INVALID_REQUEST} (param {@code db}) for another
   * target and {@code UNAVAILABLE} when the database does not answer. Close the store when done.
   */
  public static DomainStore open(String target) {
    return open(target, InstantSource.system());
  }

  /** As {@link #open(String)}, reading "now" (key creation and revocation) from {@code clock}. */
  public static DomainStore open(String target, InstantSource clock) {
    return JdbcDomainStore.open(SqlDialect.of(target), clock, new KeySecrets(new SecureRandom()));
  }

  /** A store in memory, empty, lost on close: for tests of the logic above the store. */
  public static DomainStore inMemory(InstantSource clock) {
    return new InMemoryDomainStore(clock, new KeySecrets(new SecureRandom()));
  }

  public static DomainStore inMemory() {
    return inMemory(InstantSource.system());
  }
}
