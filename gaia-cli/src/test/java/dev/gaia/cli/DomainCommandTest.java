package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.Json;
import dev.gaia.protocol.domain.DomainMessage;
import dev.gaia.protocol.identity.Envelopes;
import dev.gaia.protocol.identity.Signer;
import dev.gaia.protocol.identity.Signers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands against a real background gateway process. */
@Timeout(120)
class DomainCommandTest {
  static final ObjectMapper JSON = Json.newMapper();
  static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");
  @TempDir Path tmp;
  Path home;

  @AfterEach
  void stop() {
    if (home != null) {
      Cli.run("domain", "stop", "--home", home.toString());
    }
  }

  @Test
  void init_start_keys_approve_eject_stop() throws Exception {
    home = tmp.resolve("domain");
    Cli.Result init = Cli.run("domain", "init", "--name", "demo", "--join", "approval", "--port", "0", "--home", home.toString());
    assertThat(init.exitCode()).as(init.toString()).isZero();
    Cli.Result start = Cli.run("domain", "start", "--home", home.toString());
    assertThat(start.exitCode()).as(start.toString()).isZero();
    Matcher m = URL.matcher(start.out());
    assertThat(m.find()).isTrue();
    URI url = URI.create(m.group());
    assertThat(Cli.run("domain", "status", "--home", home.toString()).out()).contains("running").contains(url.toString());

    Cli.Result key = Cli.run("domain", "keys", "create", "--label", "app", "--rpm", "5", "--home", home.toString());
    assertThat(key.out()).contains("secret  gaia_");
    assertThat(Cli.run("domain", "keys", "list", "--home", home.toString()).out()).contains("app").contains("rpm 5").contains("valid");

    // A node asks to join (signed); in an approval domain it waits for the operator.
    try (var node = TinyStubNode.start()) {
      Signer signer = Signers.generate(new SecureRandom());
      DomainMessage join = new DomainMessage.Join("demo", Optional.of(node.url()), false,
          List.of(new DomainMessage.ServedModel("tiny", "chat", "ab".repeat(32))), List.of());
      String envelope = JSON.writeValueAsString(
          Envelopes.seal(signer, JSON.valueToTree(join), Clock.systemUTC(), Duration.ofMinutes(1), new SecureRandom()).toJson());
      try (HttpClient client = HttpClient.newHttpClient()) {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(url.resolve("/v1/domain/join"))
            .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("pending");
      }
      String address = signer.address().toString();
      assertThat(Cli.run("domain", "nodes", "--home", home.toString()).out()).contains(address).contains("pending");
      Cli.Result approve = Cli.run("domain", "nodes", "approve", address, "--home", home.toString());
      assertThat(approve.out()).as(approve.toString()).contains("active");
      Cli.Result eject = Cli.run("domain", "nodes", "eject", address, "--home", home.toString());
      assertThat(eject.out()).as(eject.toString()).contains("ejected");
    }
    Cli.Result bogus = Cli.run("domain", "nodes", "approve", "0x" + "1".repeat(40), "--home", home.toString());
    assertThat(bogus.exitCode()).isEqualTo(1);
    assertThat(Cli.run("domain", "stop", "--home", home.toString()).out()).contains("stopped");
    assertThat(Cli.run("domain", "status", "--home", home.toString()).exitCode()).isEqualTo(3);
  }

  @Test
  void bad_input_is_refused_before_anything_is_written() {
    home = tmp.resolve("domain");
    Cli.Result badHash = Cli.run("domain", "init", "--name", "demo", "--model-hash", "xyz", "--home", home.toString());
    assertThat(badHash.exitCode()).isEqualTo(1);
    assertThat(badHash.err()).contains("SHA-256");
    assertThat(home.resolve("domain.json")).doesNotExist();
    Cli.Result badDb = Cli.run("domain", "init", "--name", "demo", "--db", "mysql://x", "--home", home.toString());
    assertThat(badDb.exitCode()).isEqualTo(1);
    assertThat(Cli.run("domain", "start", "--home", tmp.resolve("none").toString()).err()).contains("gaia domain init");
  }
}
