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
  static final Pattern UP = Pattern.compile("Gaia is up: (http://127\\.0\\.0\\.1:\\d+)");

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

    Cli.Result first = Cli.run("up", "--no-domain", "--model", model, "--port", "0", "--home", home.toString());
    assertThat(first.exitCode()).as(first.toString()).isZero();
    String url = url(first);
    assertThat(first.out()).contains(url + "/v1");
    long pid = Long.parseLong(Files.readString(home.resolve("node.pid")).strip());

    Cli.Result second = Cli.run("up", "--no-domain", "--model", model, "--port", "0", "--home", home.toString());
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.err()).contains("already running").doesNotContain("Restarting");
    assertThat(url(second)).isEqualTo(url);
    assertThat(Files.readString(home.resolve("node.pid")).strip()).isEqualTo(Long.toString(pid));

    Cli.Result plain = Cli.run("up", "--no-domain", "--home", home.toString());
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

    Cli.Result r = Cli.run("up", "--no-domain", "--model", unreachable, "--port", "0", "--home", home.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(unreachable).contains("--model").contains(".gguf").doesNotContain("\tat ");
    assertThat(NodeProcesses.on(home)).isEmpty();
    assertThat(home.resolve("node.pid")).doesNotExist();
  }

  @Test
  void up_puts_a_local_domain_in_front_of_the_node_joined_through_a_tunnel() throws Exception {
    Path root = Files.createTempDirectory("gaia-up-domain");
    Path home = root.resolve("node");
    LocalDomain domain = new LocalDomain(new dev.gaia.node.config.NodeHome(home));
    try {
      Cli.Result up = Cli.run("up", "--model", TinyNode.model().toString(), "--port", "0", "--no-samples", "--home", home.toString());
      assertThat(up.exitCode()).as(up.toString()).isZero();
      assertThat(up.out()).contains("Gaia is up: ").contains("joined through a tunnel");
      String url = url(up);
      var config = new dev.gaia.node.config.NodeHome(home).config();
      assertThat(config.get("domain")).isEqualTo(url);
      assertThat(config.get("domain_tunnel")).isEqualTo("true");
      assertThat(home.resolve("keystore.json")).exists();
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(root.resolve("secrets").resolve("node.passphrase")))).isEqualTo("rw-------");
      try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
        var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/v1/chat/completions"))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":2}")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-gaia-node")).isPresent();
      }
      Cli.Result again = Cli.run("up", "--home", home.toString(), "--no-samples");
      assertThat(again.exitCode()).as(again.toString()).isZero();
      assertThat(url(again)).isEqualTo(url);
    } finally {
      Cli.run("node", "stop", "--home", home.toString());
      domain.stop();
      NodeProcesses.cleanUp(home);
    }
  }
}
