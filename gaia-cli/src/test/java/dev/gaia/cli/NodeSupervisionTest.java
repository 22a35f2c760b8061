package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real background nodes in child JVMs, driven through the commands a user types. */
@Timeout(120)
class NodeSupervisionTest {
  static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  final List<Path> homes = new ArrayList<>();
  final List<Process> strangers = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    homes.forEach(NodeProcesses::cleanUp);
    strangers.forEach(Process::destroyForcibly);
  }

  private Path home(String name) {
    Path home = TinyNode.init(tmp.resolve(name));
    homes.add(home);
    return home;
  }

  private static Cli.Result node(String command, Path home) {
    return Cli.run("node", command, "--home", home.toString());
  }

  private static String url(Cli.Result r) {
    Matcher m = URL.matcher(r.out());
    assertThat(m.find()).as("a URL in %s", r).isTrue();
    return m.group();
  }

  private static long pid(Path home) throws Exception {
    return Long.parseLong(Files.readString(home.resolve("node.pid")).strip());
  }

  @Test
  void start_status_chat_info_stop_of_a_background_node() throws Exception {
    Path home = home("node");

    Cli.Result start = node("start", home);
    assertThat(start.exitCode()).as(start.toString()).isZero();
    String url = url(start);
    long pid = pid(home);
    assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

    Cli.Result status = node("status", home);
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).startsWith("running").contains(url).contains("pid " + pid);

    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> chat = http.send(
          HttpRequest.newBuilder(URI.create(url + "/v1/chat/completions"))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":4}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
      JsonNode body = JSON.readTree(chat.body());
      assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
      assertThat(body.at("/usage/completion_tokens").asInt()).isBetween(1, 4);
    }

    Cli.Result info = node("info", home);
    assertThat(info.exitCode()).as(info.toString()).isZero();
    assertThat(info.out()).contains("live /v1/info:").contains("\"chat_ctx_size\"").doesNotContain("state: stopped");

    Cli.Result again = node("start", home);
    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).contains("already running");
    assertThat(url(again)).isEqualTo(url);
    assertThat(pid(home)).isEqualTo(pid);

    long stopStarted = System.nanoTime();
    Cli.Result stop = node("stop", home);
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(stop.out()).contains("Node stopped (pid " + pid + ")");
    assertThat(Duration.ofNanos(System.nanoTime() - stopStarted)).isLessThan(Duration.ofSeconds(30));
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(home.resolve("node.pid")).doesNotExist();
    assertThat(home.resolve("run/node.json")).doesNotExist();
    assertThat(Files.readString(home.resolve("logs/node.log"))).contains("Node stopped.");

    Cli.Result stopped = node("status", home);
    assertThat(stopped.exitCode()).isEqualTo(3);
    assertThat(stopped.out()).startsWith("stopped");
    assertThat(node("stop", home).out()).contains("not running");
  }

  @Test
  void a_pid_file_of_a_dead_process_is_reported_stale_and_removed() throws Exception {
    Path home = home("node");
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(home.resolve("node.pid"), gone.pid() + "\n");

    Cli.Result status = node("status", home);

    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.err()).contains("stale pid file");
    assertThat(home.resolve("node.pid")).doesNotExist();
  }

  @Test
  void a_pid_file_naming_an_unrelated_process_never_gets_it_killed() throws Exception {
    Path home = home("node");
    Process sleeper = new ProcessBuilder("sleep", "300").start();
    strangers.add(sleeper);

    Files.writeString(home.resolve("node.pid"), sleeper.pid() + "\n");
    Cli.Result status = node("status", home);
    Files.writeString(home.resolve("node.pid"), sleeper.pid() + "\n");
    Cli.Result stop = node("stop", home);
    Files.writeString(home.resolve("node.pid"), ProcessHandle.current().pid() + "\n");
    Cli.Result stopSelf = node("stop", home);

    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.err()).contains("stale pid file").contains(Long.toString(sleeper.pid()));
    assertThat(stop.exitCode()).isZero();
    assertThat(stop.err()).contains("stale pid file");
    assertThat(stop.out()).contains("not running");
    assertThat(stopSelf.err()).contains("stale pid file");
    assertThat(sleeper.isAlive()).isTrue();
    assertThat(home.resolve("node.pid")).doesNotExist();
  }

  @Test
  void two_homes_run_side_by_side_and_stop_independently() throws Exception {
    // "node" is a prefix of "node2": each home's checks must match the other's path exactly.
    Path a = home("node");
    Path b = home("node2");

    Cli.Result startA = node("start", a);
    Cli.Result startB = node("start", b);
    assertThat(startA.exitCode()).as(startA.toString()).isZero();
    assertThat(startB.exitCode()).as(startB.toString()).isZero();
    assertThat(url(startA)).isNotEqualTo(url(startB));
    long pidA = pid(a);
    long pidB = pid(b);

    // A pid file in home "node" that names the node of "node2" is not "node"'s node.
    Files.writeString(a.resolve("node.pid"), pidB + "\n");
    Cli.Result wrongStop = node("stop", a);
    assertThat(wrongStop.err()).contains("stale pid file");
    assertThat(ProcessHandle.of(pidB).map(ProcessHandle::isAlive)).contains(true);
    assertThat(ProcessHandle.of(pidA).map(ProcessHandle::isAlive)).contains(true);
    Files.writeString(a.resolve("node.pid"), pidA + "\n");

    Cli.Result stopA = node("stop", a);
    assertThat(stopA.exitCode()).as(stopA.toString()).isZero();
    assertThat(ProcessHandle.of(pidA).filter(ProcessHandle::isAlive)).isEmpty();
    Cli.Result statusB = node("status", b);
    assertThat(statusB.exitCode()).isZero();
    assertThat(statusB.out()).startsWith("running").contains(url(startB));
    assertThat(node("status", a).exitCode()).isEqualTo(3);
  }

  @Test
  void a_node_that_fails_to_load_its_model_reports_the_log_tail_and_leaves_no_child() throws Exception {
    Path home = home("node");
    Path broken = Files.write(tmp.resolve("broken.gguf"), "GGUF but not really".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    new dev.gaia.node.config.NodeHome(home).config().set("chat", broken.toString());

    Cli.Result start = node("start", home);

    assertThat(start.exitCode()).isEqualTo(1);
    assertThat(start.err()).contains("exited during start-up").contains("node.log");
    assertThat(NodeProcesses.on(home)).isEmpty();
    assertThat(node("status", home).exitCode()).isEqualTo(3);
  }

  @Test
  void start_on_a_port_in_use_names_the_port_and_leaves_no_child() throws Exception {
    Path home = home("node");
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      new dev.gaia.node.config.NodeHome(home).config().set("port", Integer.toString(port));

      Cli.Result start = node("start", home);

      assertThat(start.exitCode()).isEqualTo(1);
      assertThat(start.err()).contains("port " + port).contains("in use").doesNotContain("Exception");
      assertThat(NodeProcesses.on(home)).isEmpty();
      assertThat(home.resolve("node.pid")).doesNotExist();
      assertThat(node("status", home).exitCode()).isEqualTo(3);
    }
  }
}
