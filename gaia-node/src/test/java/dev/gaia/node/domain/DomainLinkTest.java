package dev.gaia.node.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.Json;
import dev.gaia.protocol.domain.DomainMessage;
import dev.gaia.protocol.identity.EnvelopeVerifier;
import dev.gaia.protocol.identity.SignedEnvelope;
import dev.gaia.protocol.identity.Signer;
import dev.gaia.protocol.identity.Signers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link DomainLink} against a scripted domain on a real socket; every message's signature is checked. */
@Timeout(30)
class DomainLinkTest {
  static final ObjectMapper JSON = Json.newMapper();
  final Signer key = Signers.generate(new SecureRandom());
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final AtomicInteger heartbeatsToRefuse = new AtomicInteger();
  volatile int joinStatus = 200;
  volatile String joinBody = "{\"node\":\"x\",\"state\":\"active\",\"note\":\"\"}";
  HttpServer server;

  final NodeStatus status = new NodeStatus() {
    @Override
    public Served served() {
      return new Served(List.of(new DomainMessage.ServedModel("tiny", "chat", "ab".repeat(32))),
          List.of(new DomainMessage.ServedKnowledge("docs", "bafkreiexample")));
    }

    @Override
    public Load load() {
      return new Load(1, 2);
    }
  };

  URI domain() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/domain/", this::handle);
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange x) throws IOException {
    JsonNode payload = EnvelopeVerifier.create(Clock.systemUTC())
        .verify(SignedEnvelope.fromJson(JSON.readTree(x.getRequestBody().readAllBytes())));
    received.add(payload);
    String action = x.getRequestURI().getPath().substring("/v1/domain/".length());
    int code = 200;
    String body = "{\"ok\":true}";
    if (action.equals("join")) {
      code = joinStatus;
      body = joinBody;
    } else if (action.equals("heartbeat") && heartbeatsToRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      code = 404;
      body = "{\"error\":{\"message\":\"node has not joined this domain\",\"type\":\"not_found_error\"}}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(code, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  DomainLink link(URI domain, Duration heartbeat) {
    return DomainLink.join(new DomainLink.Settings(domain, "demo", URI.create("http://10.0.0.5:8080"), heartbeat),
        key, status, Clock.systemUTC(), new SecureRandom());
  }

  List<String> types() {
    return received.stream().map(p -> p.path("type").asText()).toList();
  }

  @Test
  void joins_sends_heartbeats_with_the_load_and_leaves_on_close() throws Exception {
    DomainLink link = link(domain(), Duration.ofMillis(50));
    assertThat(link.answer().state()).isEqualTo("active");
    JsonNode join = received.getFirst();
    assertThat(join.path("domain").asText()).isEqualTo("demo");
    assertThat(join.path("url").asText()).isEqualTo("http://10.0.0.5:8080");
    assertThat(join.at("/models/0/sha256").asText()).isEqualTo("ab".repeat(32));
    assertThat(join.at("/knowledge/0/content_id").asText()).isEqualTo("bafkreiexample");
    while (types().stream().filter("heartbeat"::equals).count() < 2) {
      Thread.sleep(20);
    }
    link.close();
    link.close();
    assertThat(types().getLast()).isEqualTo("leave");
    assertThat(types().stream().filter("leave"::equals).count()).isEqualTo(1);
    JsonNode beat = received.stream().filter(p -> p.path("type").asText().equals("heartbeat")).findFirst().orElseThrow();
    assertThat(beat.path("busy").asInt()).isEqualTo(1);
    assertThat(beat.path("queued").asInt()).isEqualTo(2);
  }

  @Test
  void a_heartbeat_the_domain_does_not_know_makes_the_node_join_again() throws Exception {
    heartbeatsToRefuse.set(1);
    try (DomainLink link = link(domain(), Duration.ofMillis(50))) {
      while (types().stream().filter("join"::equals).count() < 2) {
        Thread.sleep(20);
      }
      assertThat(link.answer().state()).isEqualTo("active");
    }
  }

  @Test
  void a_refused_join_names_the_domain_its_status_and_its_message() throws Exception {
    URI domain = domain();
    joinStatus = 401;
    joinBody = "{\"error\":{\"message\":\"domain 'demo' admits no new nodes\",\"type\":\"authentication_error\","
        + "\"code\":\"domain_closed\"}}";
    assertThatThrownBy(() -> link(domain, Duration.ofSeconds(10)))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED))
        .hasMessageContainingAll(domain.toString(), "refused the join (HTTP 401)", "admits no new nodes");
  }

  @Test
  void a_join_for_another_domain_name_says_to_set_domain_name() throws Exception {
    URI domain = domain();
    joinStatus = 401;
    joinBody = "{\"error\":{\"message\":\"this message is for domain 'demo', not 'prod'\",\"type\":\"authentication_error\","
        + "\"code\":\"wrong_domain\"}}";
    assertThatThrownBy(() -> link(domain, Duration.ofSeconds(10)))
        .hasMessageContainingAll("not 'prod'", "set domain_name");
  }

  @Test
  void an_unreachable_domain_is_named() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> link(nowhere, Duration.ofSeconds(10)))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.code()).hasValue("domain_unreachable"))
        .hasMessageContaining("cannot reach the domain at " + nowhere);
  }

  @Test
  void a_missing_domain_name_is_a_clear_error() {
    assertThatThrownBy(() -> new DomainLink.Settings(URI.create("http://d"), "", URI.create("http://n"), Duration.ofSeconds(1)))
        .hasMessageContaining("set domain_name");
  }
}
