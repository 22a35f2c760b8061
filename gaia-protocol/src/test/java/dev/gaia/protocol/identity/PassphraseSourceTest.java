package dev.gaia.protocol.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.protocol.GaiaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseSourceTest {
  @TempDir Path dir;

  @Test
  void reads_the_named_environment_variable() {
    PassphraseSource source = new PassphraseSource.EnvironmentVariable("GAIA_PASS", Map.of("GAIA_PASS", "s3cret"));
    assertThat(source.read()).containsExactly("s3cret".toCharArray());
    assertThat(source.toString()).doesNotContain("s3cret");
  }

  @Test
  void says_which_variable_is_missing() {
    PassphraseSource source = new PassphraseSource.EnvironmentVariable("GAIA_PASS", Map.of());
    assertThatThrownBy(source::read)
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.code()).contains("passphrase_unavailable"))
        .hasMessageContaining("GAIA_PASS");
  }

  @Test
  void reads_a_file_without_its_trailing_line_break() throws Exception {
    Path file = dir.resolve("pass");
    Files.writeString(file, "two words \r\n");
    assertThat(new PassphraseSource.PassphraseFile(file).read()).containsExactly("two words ".toCharArray());
    Files.writeString(file, "line\n\n");
    assertThat(new PassphraseSource.PassphraseFile(file).read()).containsExactly("line\n".toCharArray());
  }

  @Test
  void refuses_an_empty_or_missing_file() throws Exception {
    Path file = dir.resolve("pass");
    Files.writeString(file, "\n");
    assertThatThrownBy(() -> new PassphraseSource.PassphraseFile(file).read()).hasMessageContaining("is empty");
    assertThatThrownBy(() -> new PassphraseSource.PassphraseFile(dir.resolve("none")).read())
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("cannot read passphrase file");
  }
}
