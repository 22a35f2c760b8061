package dev.gaia.domain.store;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a real PostgreSQL server; each test in a schema of its own. */
class PostgresDomainStoreTest extends DomainStoreContract {
  private static final List<String> schemas = new ArrayList<>();

  @BeforeAll
  static void server() {
    TestPostgres.requireServer();
  }

  @AfterAll
  static void dropSchemas() {
    schemas.forEach(TestPostgres::dropSchema);
  }

  @Override
  DomainStore newStore(InstantSource clock) {
    String schema = TestPostgres.newSchema();
    schemas.add(schema);
    return DomainStores.open(TestPostgres.url(schema), clock);
  }
}
