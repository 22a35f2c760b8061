package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class NodeConfigCommandTest {
  @TempDir Path home;

  @BeforeEach
  void init() {
    assertThat(Cli.run("node", "init", "--home", home.toString()).exitCode()).isZero();
  }

  private Cli.Result config(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "node";
    all[1] = "config";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "--home";
    all[args.length + 3] = home.toString();
    return Cli.run(all);
  }

  @Test
  void set_then_get_round_trips() {
    Cli.Result set = config("set", "chat_ctx_size", "2048");
    assertThat(set.exitCode()).as(set.toString()).isZero();
    assertThat(set.out()).contains("chat_ctx_size = 2048");

    assertThat(config("get", "chat_ctx_size").out().strip()).isEqualTo("2048");
  }

  @Test
  void port_is_an_alias_of_llamaedge_port() {
    assertThat(config("set", "port", "9123").exitCode()).isZero();

    assertThat(config("get", "llamaedge_port").out().strip()).isEqualTo("9123");
    assertThat(config("get", "port").out().strip()).isEqualTo("9123");
  }

  @Test
  void a_bad_value_is_refused_naming_the_field_and_leaves_the_file_untouched() throws Exception {
    byte[] before = Files.readAllBytes(home.resolve("config.json"));

    Cli.Result r = config("set", "chat_ctx_size", "lots");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("chat_ctx_size").doesNotContain("Exception");
    assertThat(home.resolve("config.json")).hasBinaryContent(before);
  }

  @Test
  void an_unknown_key_is_refused_with_a_near_match() throws Exception {
    byte[] before = Files.readAllBytes(home.resolve("config.json"));

    Cli.Result set = config("set", "chat_ctx", "4096");
    Cli.Result get = config("get", "chat_ctx");

    assertThat(set.exitCode()).isEqualTo(1);
    assertThat(set.err()).contains("chat_ctx").contains("chat_ctx_size");
    assertThat(get.exitCode()).isEqualTo(1);
    assertThat(get.out()).isEmpty();
    assertThat(home.resolve("config.json")).hasBinaryContent(before);
  }

  @Test
  void config_without_a_home_says_how_to_create_one() {
    Cli.Result r = Cli.run("node", "config", "get", "chat", "--home", home.resolve("none").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("node init");
  }
}
