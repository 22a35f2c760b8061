package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.node.config.NodeConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class NodeInitCommandTest {
  static final Path PRESET = Path.of("../gaia-node/src/test/resources/gaia-presets/gaianet-node-phi-3.json");

  @TempDir Path tmp;

  @Test
  void init_writes_a_default_config_and_the_home_layout() {
    Path home = tmp.resolve("node");

    Cli.Result r = Cli.run("node", "init", "--home", home.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains(home.toString()).contains("config.json");
    assertThat(home.resolve("config.json")).isRegularFile();
    assertThat(home.resolve("models")).isDirectory();
    assertThat(home.resolve("logs")).isDirectory();
    assertThat(NodeConfigFile.load(home.resolve("config.json")).server().port()).isEqualTo(8080);
  }

  @Test
  void init_copies_a_gaia_preset_byte_for_byte() throws Exception {
    Path home = tmp.resolve("node");

    Cli.Result r = Cli.run("node", "init", "--config", PRESET.toString(), "--home", home.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(home.resolve("config.json")).hasSameBinaryContentAs(PRESET);
    assertThat(Cli.run("node", "config", "get", "chat_name", "--home", home.toString()).out().strip())
        .isEqualTo("Phi-3-mini-4k-instruct");
  }

  @Test
  void init_refuses_an_invalid_config_naming_the_field_and_writes_nothing() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"chat\": \"x.gguf\", \"chat_ctx_size\": \"lots\"}");
    Path home = tmp.resolve("node");

    Cli.Result r = Cli.run("node", "init", "--config", bad.toString(), "--home", home.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("chat_ctx_size").contains(bad.toString()).doesNotContain("Exception");
    assertThat(home).doesNotExist();
  }

  @Test
  void init_refuses_an_invalid_config_without_replacing_the_existing_one() throws Exception {
    Path home = tmp.resolve("node");
    Cli.run("node", "init", "--home", home.toString());
    byte[] before = Files.readAllBytes(home.resolve("config.json"));
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"chat_ctx\": \"4096\"}");

    Cli.Result r = Cli.run("node", "init", "--config", bad.toString(), "--home", home.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("chat_ctx").contains("chat_ctx_size");
    assertThat(home.resolve("config.json")).hasBinaryContent(before);
  }

  @Test
  void init_fetches_a_config_from_a_url() throws Exception {
    byte[] preset = Files.readAllBytes(PRESET);
    Path home = tmp.resolve("node");
    try (LocalHttp http = LocalHttp.serving(Map.of("/config.json", preset))) {
      Cli.Result r = Cli.run("node", "init", "--config", http.url("/config.json"), "--home", home.toString());

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(home.resolve("config.json")).hasBinaryContent(preset);

      Cli.Result missing =
          Cli.run("node", "init", "--config", http.url("/nope.json"), "--home", tmp.resolve("other").toString());
      assertThat(missing.exitCode()).isEqualTo(1);
      assertThat(missing.err()).contains("404").contains("/nope.json");
      assertThat(tmp.resolve("other")).doesNotExist();
    }
  }
}
