package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.domain.DomainGateway;
import dev.gaia.domain.gateway.GatewayConfig;
import dev.gaia.domain.store.DomainConfig;
import dev.gaia.domain.store.DomainStore;
import dev.gaia.domain.store.DomainStores;
import dev.gaia.domain.store.JoinPolicy;
import dev.gaia.domain.store.NodeRecord;
import dev.gaia.domain.store.NodeState;
import dev.gaia.node.config.NodeHome;
import dev.gaia.protocol.identity.Address;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A background node started through the CLI joins a real in-JVM domain gateway with its own key
 * (direct mode), is served through the gateway's URL, leaves on stop and on {@code gaia node
 * leave}; a wrong passphrase, a missing key and an unreachable domain fail clearly.
 */
@Timeout(240)
class NodeDomainJoinTest {
  static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  @TempDir Path tmp;
  final List<Path> homes = new ArrayList<>();
  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    homes.forEach(NodeProcesses::cleanUp);
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  private Path home(String name) {
    Path home = TinyNode.init(tmp.resolve(name));
    homes.add(home);
    return home;
  }

  private static Cli.Result gaia(String... args) {
    return Cli.run(args);
  }

  private Path passphrase(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text + "\n");
  }

  private Address identity(Path home, Path passphrase) {
    Cli.Result r = gaia("identity", "new", "--home", home.toString(), "--passphrase-file", passphrase.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Matcher m = ADDRESS.matcher(r.out());
    assertThat(m.find()).as(r.toString()).isTrue();
    return Address.parse(m.group());
  }

  private record Domain(DomainGateway gateway, DomainStore store, String secret) {}

  private Domain domain() throws Exception {
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(TinyNode.model())));
    DomainStore store = DomainStores.open(tmp.resolve("domain.db").toString());
    open.add(store);
    store.saveConfig(new DomainConfig("demo", JoinPolicy.OPEN, Set.of(sha256), false));
    String secret = store.createKey("test app", Optional.empty(), Optional.empty()).secret();
    DomainGateway gateway = DomainGateway.start(new DomainGateway.Settings(GatewayConfig.defaults("127.0.0.1", 0),
        DomainGateway.Policy.LEAST_LOADED, Optional.empty(), Duration.ofSeconds(30)), store, Clock.systemUTC());
    open.add(gateway);
    return new Domain(gateway, store, secret);
  }

  private static NodeState state(Domain d, Address node) {
    return d.store().node(node).map(NodeRecord::state).orElseThrow();
  }

  @Test
  void a_node_joins_at_start_is_served_through_the_domain_and_leaves() throws Exception {
    Domain d = domain();
    Path home = home("node");
    Path pass = passphrase("pass", "correct horse battery");
    Address address = identity(home, pass);

    Cli.Result join = gaia("node", "join", d.gateway().url().toString(), "--name", "demo", "--home", home.toString(),
        "--passphrase-file", pass.toString());
    assertThat(join.exitCode()).as(join.toString()).isZero();
    assertThat(join.out()).contains("Domain set: " + d.gateway().url()).contains(address.toString());
    new NodeHome(home).config().set("passphrase_file", pass.toString());

    Cli.Result start = gaia("node", "start", "--home", home.toString());
    assertThat(start.exitCode()).as(start.toString()).isZero();
    assertThat(state(d, address)).isEqualTo(NodeState.ACTIVE);
    assertThat(Files.readString(home.resolve("logs/node.log"))).contains("Joined domain").contains(": active");

    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(d.gateway().url().resolve("/v1/chat/completions"))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + d.secret())
          .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":2}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("x-gaia-node")).hasValue(address.value());
    }

    // Stopping the node sends a signed Leave; starting it again joins again.
    assertThat(gaia("node", "stop", "--home", home.toString()).exitCode()).isZero();
    assertThat(state(d, address)).isEqualTo(NodeState.EJECTED);
    assertThat(d.store().node(address).orElseThrow().note()).hasValue("left the domain");
    assertThat(gaia("node", "start", "--home", home.toString()).exitCode()).isZero();
    assertThat(state(d, address)).isEqualTo(NodeState.ACTIVE);

    Cli.Result leave = gaia("node", "leave", "--home", home.toString(), "--passphrase-file", pass.toString());
    assertThat(leave.exitCode()).as(leave.toString()).isZero();
    assertThat(leave.out()).contains("Left domain " + d.gateway().url());
    assertThat(state(d, address)).isEqualTo(NodeState.EJECTED);
    assertThat(d.gateway().pool().endpoints()).isEmpty();
    assertThat(new NodeHome(home).config().get("domain")).isEmpty();
  }

  @Test
  void a_node_behind_a_tunnel_joins_without_giving_the_domain_a_url() throws Exception {
    Domain d = domain();
    Path home = home("hidden");
    Path pass = passphrase("pass", "correct horse battery");
    Address address = identity(home, pass);
    Cli.Result join = gaia("node", "join", d.gateway().url().toString(), "--name", "demo", "--tunnel",
        "--home", home.toString(), "--passphrase-file", pass.toString());
    assertThat(join.exitCode()).as(join.toString()).isZero();
    assertThat(new NodeHome(home).config().get("domain_tunnel")).isEqualTo("true");
    new NodeHome(home).config().set("passphrase_file", pass.toString());

    Cli.Result start = gaia("node", "start", "--home", home.toString());
    assertThat(start.exitCode()).as(start.toString()).isZero();
    assertThat(state(d, address)).isEqualTo(NodeState.ACTIVE);
    assertThat(d.store().node(address).orElseThrow().tunnel()).isTrue();
    assertThat(Files.readString(home.resolve("logs/node.log"))).contains("Tunnel up").contains("through a tunnel");
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(d.gateway().url().resolve("/v1/chat/completions"))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + d.secret())
          .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":2}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("x-gaia-node")).hasValue(address.value());
    }
    assertThat(gaia("node", "stop", "--home", home.toString()).exitCode()).isZero();
    assertThat(state(d, address)).isEqualTo(NodeState.EJECTED);
  }

  @Test
  void wrong_passphrase_missing_key_and_unreachable_domain_fail_clearly() throws Exception {
    Path home = home("node");
    Path pass = passphrase("pass", "correct horse battery");
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closedPort;

    Cli.Result noKey = gaia("node", "join", nowhere, "--name", "demo", "--home", home.toString(),
        "--passphrase-file", pass.toString());
    assertThat(noKey.exitCode()).isNotZero();
    assertThat(noKey.err()).contains("gaia identity new");

    identity(home, pass);
    Cli.Result wrongAtJoin = gaia("node", "join", nowhere, "--name", "demo", "--home", home.toString(),
        "--passphrase-file", passphrase("wrong", "not the passphrase").toString());
    assertThat(wrongAtJoin.exitCode()).isNotZero();
    assertThat(wrongAtJoin.err()).contains("wrong passphrase");

    assertThat(gaia("node", "join", nowhere, "--name", "demo", "--home", home.toString(),
        "--passphrase-file", pass.toString()).exitCode()).isZero();
    var config = new NodeHome(home).config();
    config.set("passphrase_file", tmp.resolve("wrong").toString());
    Cli.Result wrongAtStart = gaia("node", "start", "--home", home.toString());
    assertThat(wrongAtStart.exitCode()).isNotZero();
    assertThat(wrongAtStart.err()).contains("wrong passphrase");

    config.set("passphrase_file", pass.toString());
    Cli.Result unreachable = gaia("node", "start", "--home", home.toString());
    assertThat(unreachable.exitCode()).isNotZero();
    assertThat(unreachable.err()).contains("cannot reach the domain at " + nowhere);
  }
}
