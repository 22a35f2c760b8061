package dev.gaia.protocol.identity;

import static dev.gaia.protocol.identity.SignerTest.seeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

class ScryptTest {
  @Test
  void matches_the_rfc_7914_vectors() {
    assertThat(hex(Scrypt.derive(new byte[0], new byte[0], 16, 1, 1, 64)))
        .isEqualTo(
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    assertThat(hex(Scrypt.derive(bytes("password"), bytes("NaCl"), 1024, 8, 16, 64)))
        .isEqualTo(
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
  }

  @Test
  void agrees_with_bouncycastle_where_it_accepts_the_parameters() {
    SecureRandom random = seeded(11);
    int[][] params = {{2, 1, 1}, {256, 2, 3}, {1024, 8, 1}, {4096, 1, 2}, {64, 5, 2}};
    for (int[] np : params) {
      byte[] passphrase = new byte[np[0] % 37];
      byte[] salt = new byte[32];
      random.nextBytes(passphrase);
      random.nextBytes(salt);
      assertThat(Scrypt.derive(passphrase, salt, np[0], np[1], np[2], 32))
          .as("n=%d r=%d p=%d", np[0], np[1], np[2])
          .containsExactly(SCrypt.generate(passphrase, salt, np[0], np[1], np[2], 32));
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
