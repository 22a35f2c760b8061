package dev.gaia.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeHomeTest {
  @TempDir Path dir;

  @Test
  void default_home_is_dot_gaia_node_under_the_user_home() {
    NodeHome home = NodeHome.locate(Optional.empty(), dir);

    assertThat(home.root()).isEqualTo(dir.resolve(".gaia/node"));
    assertThat(home.configFile()).isEqualTo(dir.resolve(".gaia/node/config.json"));
    assertThat(home.modelsDir()).isEqualTo(dir.resolve(".gaia/node/models"));
    assertThat(home.logFile()).isEqualTo(dir.resolve(".gaia/node/logs/node.log"));
    assertThat(home.pidFile()).isEqualTo(dir.resolve(".gaia/node/node.pid"));
    assertThat(home.runDir()).isEqualTo(dir.resolve(".gaia/node/run"));
  }

  @Test
  void override_wins_and_is_made_absolute() {
    NodeHome home = NodeHome.locate(Optional.of(Path.of("relative/home")), dir);

    assertThat(home.root().isAbsolute()).isTrue();
    assertThat(home.root().endsWith(Path.of("relative/home"))).isTrue();
  }

  @Test
  void relative_local_resources_resolve_against_the_home() {
    NodeHome home = new NodeHome(dir);

    assertThat(home.resolve(new ResourceRef.Local(Path.of("models/a.gguf"))))
        .isEqualTo(dir.resolve("models/a.gguf"));
    assertThat(home.resolve(new ResourceRef.Local(Path.of("/opt/b.gguf"))))
        .isEqualTo(Path.of("/opt/b.gguf"));
  }

  @Test
  void init_without_source_writes_the_defaults_and_the_layout() {
    NodeHome home = new NodeHome(dir.resolve("node"));

    NodeConfig config = home.init(Optional.empty());

    assertThat(config).isEqualTo(NodeConfig.defaults());
    assertThat(home.loadConfig()).isEqualTo(config);
    assertThat(home.modelsDir()).isDirectory();
    assertThat(home.logsDir()).isDirectory();
    assertThat(home.runDir()).isDirectory();
    assertThat(home.knowledgeDir()).isDirectory();
  }

  @Test
  void init_without_source_keeps_an_existing_config() {
    NodeHome home = new NodeHome(dir);
    home.init(Optional.empty());
    home.config().set("chat_ctx_size", "2048");

    NodeConfig again = home.init(Optional.empty());

    assertThat(again.chat().ctxSize()).isEqualTo(2048);
  }

  @Test
  void init_from_a_gaia_preset_copies_it_byte_for_byte() throws IOException {
    Path preset = dir.resolve("preset.json");
    String text = Presets.text("gemma-3-4b-it.json");
    Files.writeString(preset, text);
    NodeHome home = new NodeHome(dir.resolve("node"));

    NodeConfig config = home.init(Optional.of(new ConfigSource.FromFile(preset)));

    assertThat(Files.readString(home.configFile())).isEqualTo(text);
    assertThat(config.chat().promptTemplate()).isEqualTo("gemma-instruct");
  }

  @Test
  void init_from_invalid_text_writes_nothing() {
    NodeHome home = new NodeHome(dir.resolve("node"));

    assertThatThrownBy(
            () ->
                home.init(
                    Optional.of(
                        new ConfigSource.Text(
                            "{\"rag_policy\": \"always\"}", "https://example.org/config.json"))))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("https://example.org/config.json: field 'rag_policy'");
    assertThat(home.root()).doesNotExist();
  }

  @Test
  void init_from_a_missing_file_names_it() {
    Path missing = dir.resolve("missing.json");

    assertThatThrownBy(() -> new NodeHome(dir).init(Optional.of(new ConfigSource.FromFile(missing))))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith(missing + ": no such file");
  }
}
