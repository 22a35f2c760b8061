package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class UpCommandTest {
  static final Pattern UP = Pattern.compile("Gaia node is up: (http://127\\.0\\.0\\.1:\\d+)");

  @TempDir Path tmp;
  final List<Path> homes = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    homes.forEach(NodeProcesses::cleanUp);
  }

  private Path home(String name) {
    Path home = tmp.resolve(name);
    homes.add(home);
    return home;
  }

  private static String url(Cli.Result r) {
    Matcher m = UP.matcher(r.out());
    assertThat(m.find()).as("a URL in %s", r).isTrue();
    return m.group(1);
  }

  @Test
  void up_with_a_local_model_starts_a_node_and_running_it_again_is_harmless() throws Exception {
    Path home = home("node");
    String model = TinyNode.model().toString();

    Cli.Result first = Cli.run("up", "--model", model, "--port", "0", "--home", home.toString());
    assertThat(first.exitCode()).as(first.toString()).isZero();
    String url = url(first);
    assertThat(first.out()).contains(url + "/v1");
    long pid = Long.parseLong(Files.readString(home.resolve("node.pid")).strip());

    Cli.Result second = Cli.run("up", "--model", model, "--port", "0", "--home", home.toString());
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.err()).contains("already running").doesNotContain("Restarting");
    assertThat(url(second)).isEqualTo(url);
    assertThat(Files.readString(home.resolve("node.pid")).strip()).isEqualTo(Long.toString(pid));

    Cli.Result plain = Cli.run("up", "--home", home.toString());
    assertThat(plain.exitCode()).isZero();
    assertThat(url(plain)).isEqualTo(url);

    Cli.Result stop = Cli.run("node", "stop", "--home", home.toString());
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void up_with_an_unreachable_model_url_explains_how_to_use_a_local_gguf() {
    Path home = home("node");
    String unreachable = "http://127.0.0.1:" + LocalHttp.closedPort() + "/x.gguf";

    Cli.Result r = Cli.run("up", "--model", unreachable, "--port", "0", "--home", home.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(unreachable).contains("--model").contains(".gguf").doesNotContain("\tat ");
    assertThat(NodeProcesses.on(home)).isEmpty();
    assertThat(home.resolve("node.pid")).doesNotExist();
  }
}
