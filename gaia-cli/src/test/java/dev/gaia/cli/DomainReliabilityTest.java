package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.domain.DomainGateway;
import dev.gaia.domain.gateway.GatewayConfig;
import dev.gaia.domain.store.DomainConfig;
import dev.gaia.domain.store.DomainStore;
import dev.gaia.domain.store.DomainStores;
import dev.gaia.domain.store.JoinPolicy;
import dev.gaia.node.NodeServer;
import dev.gaia.node.NodeServerConfig;
import dev.gaia.protocol.Json;
import dev.gaia.protocol.domain.DomainMessage;
import dev.gaia.protocol.identity.Envelopes;
import dev.gaia.protocol.identity.Signer;
import dev.gaia.protocol.identity.Signers;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three nodes, one deliberately slow, behind a gateway under steady load: a node killed mid-run
 * costs no non-streaming request, its streams end with an SSE error event, it stops getting
 * traffic, and it is admitted again when it comes back.
 */
@Timeout(120)
class DomainReliabilityTest {
  static final ObjectMapper JSON = Json.newMapper();
  static final SecureRandom RANDOM = new SecureRandom();
  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  record Node(NodeServer server, Signer key) {}

  Node node(Duration pace) {
    NodeServer server = NodeServer.start(NodeServerConfig.loopback(),
        new NodeServer.NodeModels(Optional.of(new PacedEngine(pace)), Optional.empty(), List.of()), Map.of(), "test");
    open.add(server);
    return new Node(server, Signers.generate(RANDOM));
  }

  static void join(DomainGateway domain, Signer key, URI url) throws Exception {
    DomainMessage join = new DomainMessage.Join("demo", Optional.of(url), false,
        List.of(new DomainMessage.ServedModel("paced", "chat", "ab".repeat(32))), List.of());
    String body = JSON.writeValueAsString(Envelopes.seal(key, JSON.valueToTree(join), Clock.systemUTC(), Duration.ofMinutes(1), RANDOM).toJson());
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(domain.url().resolve("/v1/domain/join"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).contains("active");
    }
  }

  @Test
  void a_node_killed_under_load_costs_no_request_and_comes_back() throws Exception {
    Node fast1 = node(Duration.ofMillis(1));
    Node fast2 = node(Duration.ofMillis(1));
    Node slow = node(Duration.ofMillis(40));
    DomainStore store = DomainStores.inMemory();
    open.add(store);
    store.saveConfig(new DomainConfig("demo", JoinPolicy.OPEN, Set.of(), true));
    DomainGateway domain = DomainGateway.start(new DomainGateway.Settings(GatewayConfig.defaults("127.0.0.1", 0),
        DomainGateway.Policy.LEAST_LOADED, Optional.empty(), Duration.ofSeconds(10)), store, Clock.systemUTC());
    open.add(domain);
    for (Node n : List.of(fast1, fast2, slow)) {
      join(domain, n.key(), n.server().url());
    }
    URI chat = domain.url().resolve("/v1/chat/completions");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    open.add(client::close);

    // A long stream on fast1 (found by trying until the gateway puts one there).
    HttpResponse<InputStream> stream = null;
    for (int i = 0; i < 30 && stream == null; i++) {
      HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"stream\":true,\"max_tokens\":2000,\"messages\":[{\"role\":\"user\",\"content\":\"long " + i + "\"}]}"))
          .build(), HttpResponse.BodyHandlers.ofInputStream());
      if (r.headers().firstValue("x-gaia-node").orElse("").equals(fast1.key().address().value())) {
        stream = r;
      } else {
        r.body().close();
      }
    }
    assertThat(stream).as("a stream routed to fast1").isNotNull();

    // Steady non-streaming load from 4 clients; fast1 dies in the middle.
    ExecutorService load = Executors.newFixedThreadPool(4);
    open.add(load::shutdownNow);
    AtomicInteger ok = new AtomicInteger();
    List<Future<List<Integer>>> clients = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    for (int c = 0; c < 4; c++) {
      int id = c;
      clients.add(load.submit(() -> {
        List<Integer> failures = new ArrayList<>();
        int n = 0;
        while (System.nanoTime() < end) {
          HttpResponse<String> r = client.send(HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"max_tokens\":3,\"messages\":[{\"role\":\"user\",\"content\":\"c" + id + " " + n++ + "\"}]}"))
              .build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            ok.incrementAndGet();
          } else {
            failures.add(r.statusCode());
          }
        }
        return failures;
      }));
    }
    Thread.sleep(1000);
    fast1.server().close();
    for (Future<List<Integer>> f : clients) {
      assertThat(f.get()).as("failed non-streaming requests").isEmpty();
    }
    assertThat(ok.get()).isGreaterThan(20);

    // The stream that was on fast1 ends with an error event instead of hanging.
    String tail;
    try (InputStream body = stream.body()) {
      tail = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      tail = "connection reset: " + e;
    }
    assertThat(tail).contains("node_stream_broken").doesNotContain("[DONE]");

    // fast1 gets no more traffic...
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"after\"}]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("x-gaia-node")).isNotEqualTo(Optional.of(fast1.key().address().value()));
    }
    // ...until it comes back (a new process, a new URL) and joins again: probed and admitted.
    NodeServer back = NodeServer.start(NodeServerConfig.loopback(),
        new NodeServer.NodeModels(Optional.of(new PacedEngine(Duration.ofMillis(1))), Optional.empty(), List.of()), Map.of(), "test");
    open.add(back);
    join(domain, fast1.key(), back.url());
    assertThat(domain.pool().endpoints()).extracting(e -> e.address()).contains(fast1.key().address().value());
  }
}
