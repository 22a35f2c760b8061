package dev.gaia.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DomainStoresTest {
  @Test
  void targets_choose_the_dialect() {
    assertThat(SqlDialect.of("/var/gaia/domain.db")).isEqualTo(new SqlDialect.Sqlite(Path.of("/var/gaia/domain.db")));
    assertThat(SqlDialect.of("jdbc:sqlite:/var/gaia/domain.db")).isEqualTo(new SqlDialect.Sqlite(Path.of("/var/gaia/domain.db")));
    assertThat(SqlDialect.of("jdbc:postgresql://db:5432/gaia")).isEqualTo(new SqlDialect.Postgresql("jdbc:postgresql://db:5432/gaia"));
  }

  @Test
  void other_targets_are_invalid_and_say_what_is_accepted() {
    for (String target : new String[] {"jdbc:mysql://db/gaia", "postgres://db/gaia", "jdbc:sqlite::memory:", "jdbc:sqlite:", "x.db?mode=ro"}) {
      assertThatThrownBy(() -> DomainStores.open(target))
          .as(target)
          .isInstanceOfSatisfying(GaiaException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
            assertThat(e.param()).contains("db");
          });
    }
  }

  @Test
  void a_postgresql_url_is_described_without_its_options() {
    assertThat(SqlDialect.of("jdbc:postgresql://db:5432/gaia?user=u&password=secret").describe())
        .isEqualTo("PostgreSQL jdbc:postgresql://db:5432/gaia");
  }

  @Test
  void an_unreachable_postgresql_is_unavailable() {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    assertThatThrownBy(() -> DomainStores.open("jdbc:postgresql://127.0.0.1:1/test?user=postgres"))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
        .hasMessageContaining("127.0.0.1:1");
  }
}
