package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ModelCommandTest {
  static byte[] gguf;
  static String sha256;

  @TempDir Path home;

  @BeforeAll
  static void model() throws Exception {
    gguf = Files.readAllBytes(TinyNode.model());
    sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gguf));
  }

  @Test
  void pull_of_a_local_file_prints_its_path_and_sha256_and_lists_it() {
    Cli.Result r = Cli.run("model", "pull", TinyNode.model().toString(), "--home", home.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("sha256 " + sha256).contains(Path.of(r.out().lines().findFirst().orElseThrow()).toString());
    assertThat(Path.of(r.out().lines().findFirst().orElseThrow())).hasBinaryContent(gguf);
    assertThat(Cli.run("model", "list", "--home", home.toString()).out()).contains(sha256.substring(0, 12));
  }

  @Test
  void pull_of_a_url_with_the_right_sha256_caches_the_file() {
    try (LocalHttp http = LocalHttp.serving(Map.of("/m/tiny.gguf", gguf))) {
      Cli.Result r = Cli.run("model", "pull", http.url("/m/tiny.gguf"), "--sha256", sha256, "--home", home.toString());

      assertThat(r.exitCode()).as(r.toString()).isZero();
      Path cached = Path.of(r.out().lines().findFirst().orElseThrow());
      assertThat(cached).startsWith(home.resolve("models")).hasBinaryContent(gguf);
      assertThat(r.out()).contains("sha256 " + sha256);
      Cli.Result list = Cli.run("model", "list", "--home", home.toString());
      assertThat(list.out()).contains(sha256.substring(0, 12)).contains(http.url("/m/tiny.gguf"));
    }
  }

  @Test
  void pull_of_a_url_with_a_wrong_sha256_fails_and_caches_nothing() throws Exception {
    String wrong = "0".repeat(64);
    try (LocalHttp http = LocalHttp.serving(Map.of("/m/tiny.gguf", gguf))) {
      Cli.Result r = Cli.run("model", "pull", http.url("/m/tiny.gguf"), "--sha256", wrong, "--home", home.toString());

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).containsIgnoringCase("sha").contains(wrong).doesNotContain("Exception");
      assertThat(Cli.run("model", "list", "--home", home.toString()).out()).isEmpty();
      try (Stream<Path> files = Files.walk(home)) {
        assertThat(files.filter(Files::isRegularFile).filter(f -> {
          try {
            return Files.size(f) >= gguf.length / 2;
          } catch (java.io.IOException e) {
            return false;
          }
        })).as("no model bytes kept").isEmpty();
      }
    }
  }

  @Test
  void pull_with_a_malformed_sha256_is_a_clear_error() {
    Cli.Result r = Cli.run("model", "pull", TinyNode.model().toString(), "--sha256", "abc", "--home", home.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("SHA-256").contains("abc").doesNotContain("Exception");
  }
}
