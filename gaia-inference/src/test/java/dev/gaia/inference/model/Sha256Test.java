package dev.gaia.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.protocol.GaiaException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void digests_the_fips_180_abc_vector() {
    var digest = Sha256.newDigest();
    digest.update("abc".getBytes(StandardCharsets.US_ASCII));

    assertThat(Sha256.of(digest).hex()).isEqualTo(ABC);
  }

  @Test
  void parse_normalises_case_and_blanks() {
    assertThat(Sha256.parse("  " + ABC.toUpperCase() + "\n").hex()).isEqualTo(ABC);
  }

  @Test
  void parse_rejects_what_is_not_64_hex_digits() {
    assertThatThrownBy(() -> Sha256.parse("abc123"))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("64 hex digits");
  }

  @Test
  void reads_a_sha256_out_of_a_quoted_strong_entity_tag_only() {
    assertThat(Sha256.fromEntityTag("\"" + ABC + "\"")).contains(new Sha256(ABC));
    assertThat(Sha256.fromEntityTag(ABC)).contains(new Sha256(ABC));
    assertThat(Sha256.fromEntityTag("W/\"" + ABC + "\"")).isEmpty();
    assertThat(Sha256.fromEntityTag("\"d41d8cd98f00b204e9800998ecf8427e\"")).isEmpty();
    assertThat(Sha256.fromEntityTag(null)).isEmpty();
  }
}
