package dev.gaia.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.domain.routing.NodeEndpoint;
import dev.gaia.domain.routing.Outcome;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewayServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "llama";
  private static final String SECRET = "sk-test-secret";
  private static final String CHAT =
      "{\"model\":\"llama\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final String ANSWER =
      "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
          + "\"content\":\"the \\\"usage\\\": {\\\"prompt_tokens\\\":99}\"}}],"
          + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17}}";
  private static final List<String> EVENTS = List.of(
      "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n",
      "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n",
      "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}\n\n",
      "data: [DONE]\n\n");

  private static Vertx vertx;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final InMemoryUsage usage = new InMemoryUsage();
  private final InMemoryKeys keys = new InMemoryKeys().put(SECRET, new ApiKey("key-1", ApiKey.Limits.NONE));

  @BeforeAll
  static void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  // --- stubs -------------------------------------------------------------------------------

  private StubNode node(String address, StubNode.Behaviour behaviour) throws Exception {
    StubNode n = StubNode.start(vertx, address, Set.of(MODEL), behaviour);
    open.add(n);
    return n;
  }

  private static void json(HttpServerRequest r, Buffer body) {
    r.response().putHeader("Content-Type", "application/json").putHeader("x-gaia-node", "0xspoofed").end(ANSWER);
  }

  /** Writes the events one by one, 20 ms apart, then ends (or breaks off after {@code upTo}). */
  private static StubNode.Behaviour sse(int upTo) {
    return (r, body) -> {
      r.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
      writeFrom(r, 0, upTo);
    };
  }

  private static void writeFrom(HttpServerRequest r, int i, int upTo) {
    if (i == upTo) {
      if (upTo < EVENTS.size()) {
        r.connection().close();
      } else {
        r.response().end();
      }
      return;
    }
    r.response().write(EVENTS.get(i));
    vertx.setTimer(20, t -> writeFrom(r, i + 1, upTo));
  }

  private GatewayServer gateway(RoundRobinRouter router, GatewayConfig config) {
    GatewayServer g = GatewayServer.start(config, router, keys, usage, Clock.systemUTC());
    open.add(g);
    return g;
  }

  private GatewayServer gateway(RoundRobinRouter router) {
    return gateway(router, config(Duration.ofSeconds(10), Duration.ofSeconds(5), false));
  }

  private static GatewayConfig config(Duration deadline, Duration firstByte, boolean open) {
    return new GatewayConfig("127.0.0.1", 0, deadline, Duration.ofSeconds(2), firstByte, 3, 64 * 1024, open);
  }

  private HttpResponse<String> post(GatewayServer g, String path, String body, String secret) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(g.url().resolve(path))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      b.header("Authorization", "Bearer " + secret);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI uri, String secret) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
    if (secret != null) {
      b.header("Authorization", "Bearer " + secret);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode error(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body()).get("error");
  }

  // --- happy paths ---------------------------------------------------------------------------

  @Test
  void non_streaming_answer_passes_through_with_node_header_and_usage() throws Exception {
    StubNode a = node("0xa", GatewayServerTest::json);
    RoundRobinRouter router = new RoundRobinRouter(List.of(a.endpoint()));
    GatewayServer g = gateway(router);

    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT, SECRET);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(ANSWER);
    assertThat(r.headers().firstValue("x-gaia-node")).contains("0xa");
    String requestId = r.headers().firstValue("x-gaia-request-id").orElseThrow();
    assertThat(a.requestIds).containsExactly(requestId);
    assertThat(a.bodies.getFirst().toString(StandardCharsets.UTF_8)).isEqualTo(CHAT);
    UsageRecord u = usage.records().getFirst();
    assertThat(u.keyId()).isEqualTo("key-1");
    assertThat(u.node()).isEqualTo("0xa");
    assertThat(u.model()).isEqualTo(MODEL);
    assertThat(u.requestId()).isEqualTo(requestId);
    assertThat(u.promptTokens()).isEqualTo(12);
    assertThat(u.completionTokens()).isEqualTo(5);
    assertThat(usage.byKey("key-1")).isEqualTo(new InMemoryUsage.Totals(1, 12, 5));
    assertThat(usage.byNode("0xa")).isEqualTo(new InMemoryUsage.Totals(1, 12, 5));
    assertThat(router.outcomeOf("0xa")).isInstanceOfSatisfying(
        Outcome.Success.class, s -> assertThat(s.completionTokens()).isEqualTo(5));
  }

  @Test
  void stream_passes_through_byte_for_byte_and_usage_comes_from_the_last_chunk() throws Exception {
    StubNode a = node("0xa", sse(EVENTS.size()));
    RoundRobinRouter router = new RoundRobinRouter(List.of(a.endpoint()));
    GatewayServer g = gateway(router);

    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT.replace("{\"model\"", "{\"stream\":true,\"model\""), SECRET);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).contains("text/event-stream");
    assertThat(r.headers().firstValue("x-gaia-node")).contains("0xa");
    assertThat(r.body()).isEqualTo(String.join("", EVENTS));
    assertThat(usage.byNode("0xa")).isEqualTo(new InMemoryUsage.Totals(1, 7, 2));
    assertThat(usage.byKey("key-1")).isEqualTo(new InMemoryUsage.Totals(1, 7, 2));
  }

  @Test
  void other_endpoints_are_forwarded_to_the_same_path() throws Exception {
    List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
    StubNode a = node("0xa", (r, body) -> {
      paths.add(r.uri());
      r.response().putHeader("Content-Type", "application/json").end("{\"usage\":{\"prompt_tokens\":3}}");
    });
    GatewayServer g = gateway(new RoundRobinRouter(List.of(a.endpoint())));

    for (String path : List.of("/v1/completions", "/v1/embeddings", "/v1/retrieve")) {
      assertThat(post(g, path, "{\"model\":\"llama\",\"input\":\"x\"}", SECRET).statusCode()).isEqualTo(200);
    }
    assertThat(paths).containsExactly("/v1/completions", "/v1/embeddings", "/v1/retrieve");
    assertThat(usage.byNode("0xa")).isEqualTo(new InMemoryUsage.Totals(3, 9, 0));
  }

  // --- failover ------------------------------------------------------------------------------

  @Test
  void refused_connection_is_retried_on_another_node() throws Exception {
    NodeEndpoint dead = StubNode.refusing("0xdead", Set.of(MODEL));
    StubNode b = node("0xb", GatewayServerTest::json);
    RoundRobinRouter router = new RoundRobinRouter(List.of(dead, b.endpoint()));
    GatewayServer g = gateway(router);

    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT, SECRET);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("x-gaia-node")).contains("0xb");
    assertThat(router.started).containsExactly("0xdead", "0xb");
    assertThat(router.outcomeOf("0xdead")).isInstanceOf(Outcome.Failure.class);
    assertThat(router.outcomeOf("0xb")).isInstanceOf(Outcome.Success.class);
  }

  @Test
  void status_500_is_retried_on_another_node() throws Exception {
    StubNode a = node("0xa", (r, body) -> r.response().setStatusCode(500).end("{\"error\":{}}"));
    StubNode b = node("0xb", GatewayServerTest::json);
    RoundRobinRouter router = new RoundRobinRouter(List.of(a.endpoint(), b.endpoint()));
    GatewayServer g = gateway(router);

    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT, SECRET);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(ANSWER);
    assertThat(router.outcomeOf("0xa")).isInstanceOf(Outcome.Failure.class);
    assertThat(b.bodies.getFirst().toString(StandardCharsets.UTF_8)).isEqualTo(CHAT);
  }

  @Test
  void node_that_hangs_before_headers_times_out_and_the_next_node_answers() throws Exception {
    StubNode hanging = node("0xhang", (r, body) -> {});
    StubNode b = node("0xb", GatewayServerTest::json);
    RoundRobinRouter router = new RoundRobinRouter(List.of(hanging.endpoint(), b.endpoint()));
    GatewayServer g = gateway(router, config(Duration.ofSeconds(10), Duration.ofMillis(300), false));

    long t0 = System.nanoTime();
    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT, SECRET);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("x-gaia-node")).contains("0xb");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(router.outcomeOf("0xhang")).isInstanceOf(Outcome.Failure.class);
    hanging.connectionClosed.get(5, TimeUnit.SECONDS);
  }

  @Test
  void deadline_bounds_all_attempts_together() throws Exception {
    StubNode a = node("0xa", (r, body) -> {});
    StubNode b = node("0xb", (r, body) -> {});
    RoundRobinRouter router = new RoundRobinRouter(List.of(a.endpoint(), b.endpoint()));
    GatewayServer g = gateway(router, config(Duration.ofMillis(500), Duration.ofSeconds(5), false));

    long t0 = System.nanoTime();
    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT, SECRET);

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(error(r).get("code").asText()).isEqualTo("all_nodes_failed");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    assertThat(router.started).containsExactly("0xa");
  }

  @Test
  void all_nodes_down_gives_an_openai_503() throws Exception {
    RoundRobinRouter router = new RoundRobinRouter(List.of(
        StubNode.refusing("0xd1", Set.of(MODEL)), StubNode.refusing("0xd2", Set.of(MODEL))));
    GatewayServer g = gateway(router);

    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT, SECRET);

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(error(r).get("type").asText()).isEqualTo("service_unavailable");
    assertThat(error(r).get("code").asText()).isEqualTo("all_nodes_failed");
    assertThat(router.started).containsExactlyInAnyOrder("0xd1", "0xd2");
    assertThat(usage.records()).isEmpty();
  }

  @Test
  void client_errors_of_a_node_pass_through_without_retry() throws Exception {
    String invalid = "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":null}}";
    StubNode a = node("0xa", (r, body) -> r.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(invalid));
    StubNode b = node("0xb", GatewayServerTest::json);
    RoundRobinRouter router = new RoundRobinRouter(List.of(a.endpoint(), b.endpoint()));
    GatewayServer g = gateway(router);

    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT, SECRET);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo(invalid);
    assertThat(r.headers().firstValue("x-gaia-node")).contains("0xa");
    assertThat(router.started).containsExactly("0xa");
    assertThat(router.outcomeOf("0xa")).isInstanceOf(Outcome.Neutral.class);
    assertThat(b.bodies).isEmpty();
  }

  // --- broken streams and disconnects ----------------------------------------------------------

  @Test
  void stream_broken_after_the_first_event_ends_with_an_sse_error_event() throws Exception {
    StubNode a = node("0xa", sse(1));
    RoundRobinRouter router = new RoundRobinRouter(List.of(a.endpoint()));
    GatewayServer g = gateway(router);

    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT, SECRET);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith(EVENTS.getFirst());
    String rest = r.body().substring(EVENTS.getFirst().length());
    assertThat(rest).startsWith("data: {\"error\":").endsWith("\n\n");
    JsonNode err = JSON.readTree(rest.substring("data: ".length())).get("error");
    assertThat(err.get("code").asText()).isEqualTo("node_stream_broken");
    assertThat(router.outcomeOf("0xa")).isInstanceOf(Outcome.Failure.class);
    assertThat(usage.records()).isEmpty();
  }

  @Test
  void client_disconnect_mid_stream_closes_the_node_connection() throws Exception {
    StubNode a = node("0xa", (r, body) -> {
      r.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
      long timer = vertx.setPeriodic(20, t -> r.response().write(EVENTS.getFirst()));
      r.response().closeHandler(v -> vertx.cancelTimer(timer));
    });
    RoundRobinRouter router = new RoundRobinRouter(List.of(a.endpoint()));
    GatewayServer g = gateway(router);

    try (Socket s = new Socket("127.0.0.1", g.port())) {
      s.setSoTimeout(10_000);
      byte[] body = CHAT.getBytes(StandardCharsets.UTF_8);
      OutputStream out = s.getOutputStream();
      out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SECRET
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder seen = new StringBuilder();
      while (!seen.toString().contains("data: ")) {
        int c = in.read();
        assertThat(c).isNotNegative();
        seen.append((char) c);
      }
      assertThat(seen.toString()).startsWith("HTTP/1.1 200").containsIgnoringCase("x-gaia-node: 0xa");
    }

    a.connectionClosed.get(5, TimeUnit.SECONDS);
    assertThat(a.connectionClosed).isCompleted();
  }

  // --- routing errors, keys and limits -------------------------------------------------------

  @Test
  void unknown_model_is_404() throws Exception {
    StubNode a = node("0xa", GatewayServerTest::json);
    GatewayServer g = gateway(new RoundRobinRouter(List.of(a.endpoint())));

    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT.replace("llama", "gpt-9"), SECRET);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(error(r).get("code").asText()).isEqualTo("model_not_found");
    assertThat(error(r).get("param").asText()).isEqualTo("model");
    assertThat(a.bodies).isEmpty();
  }

  @Test
  void no_active_node_is_503() throws Exception {
    GatewayServer g = gateway(new RoundRobinRouter(List.of()));

    HttpResponse<String> r = post(g, "/v1/chat/completions", "{\"messages\":[]}", SECRET);

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(error(r).get("code").asText()).isEqualTo("no_node_available");
  }

  @Test
  void missing_or_invalid_key_is_401() throws Exception {
    StubNode a = node("0xa", GatewayServerTest::json);
    GatewayServer g = gateway(new RoundRobinRouter(List.of(a.endpoint())));

    HttpResponse<String> missing = post(g, "/v1/chat/completions", CHAT, null);
    HttpResponse<String> invalid = post(g, "/v1/chat/completions", CHAT, "sk-wrong");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(error(missing).get("code").asText()).isEqualTo("missing_api_key");
    assertThat(error(missing).get("type").asText()).isEqualTo("authentication_error");
    assertThat(invalid.statusCode()).isEqualTo(401);
    assertThat(error(invalid).get("code").asText()).isEqualTo("invalid_api_key");
    assertThat(get(g.url().resolve("/v1/models"), null).statusCode()).isEqualTo(401);
    assertThat(a.bodies).isEmpty();
  }

  @Test
  void open_domain_serves_callers_without_a_known_key_as_anonymous() throws Exception {
    StubNode a = node("0xa", GatewayServerTest::json);
    GatewayServer g = gateway(new RoundRobinRouter(List.of(a.endpoint())), config(Duration.ofSeconds(10), Duration.ofSeconds(5), true));

    assertThat(post(g, "/v1/chat/completions", CHAT, null).statusCode()).isEqualTo(200);
    assertThat(post(g, "/v1/chat/completions", CHAT, "placeholder").statusCode()).isEqualTo(200);
    assertThat(post(g, "/v1/chat/completions", CHAT, SECRET).statusCode()).isEqualTo(200);

    assertThat(usage.byKey("anonymous").requests()).isEqualTo(2);
    assertThat(usage.byKey("key-1").requests()).isEqualTo(1);
  }

  @Test
  void over_the_request_rate_is_429_with_retry_after() throws Exception {
    keys.put("sk-slow", new ApiKey("slow", new ApiKey.Limits(2, 0)));
    StubNode a = node("0xa", GatewayServerTest::json);
    GatewayServer g = gateway(new RoundRobinRouter(List.of(a.endpoint())));

    assertThat(post(g, "/v1/chat/completions", CHAT, "sk-slow").statusCode()).isEqualTo(200);
    assertThat(post(g, "/v1/chat/completions", CHAT, "sk-slow").statusCode()).isEqualTo(200);
    HttpResponse<String> r = post(g, "/v1/chat/completions", CHAT, "sk-slow");

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(error(r).get("type").asText()).isEqualTo("rate_limit_error");
    assertThat(Long.parseLong(r.headers().firstValue("retry-after").orElseThrow())).isBetween(1L, 30L);
    assertThat(a.bodies).hasSize(2);
    assertThat(post(g, "/v1/chat/completions", CHAT, SECRET).statusCode()).isEqualTo(200);
  }

  @Test
  void body_over_the_limit_is_413() throws Exception {
    StubNode a = node("0xa", GatewayServerTest::json);
    GatewayServer g = gateway(new RoundRobinRouter(List.of(a.endpoint())));

    HttpResponse<String> r = post(g, "/v1/chat/completions", "{\"x\":\"" + "a".repeat(70_000) + "\"}", SECRET);

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(error(r).get("code").asText()).isEqualTo("payload_too_large");
  }

  @Test
  void invalid_json_is_400_without_touching_a_node() throws Exception {
    StubNode a = node("0xa", GatewayServerTest::json);
    GatewayServer g = gateway(new RoundRobinRouter(List.of(a.endpoint())));

    HttpResponse<String> r = post(g, "/v1/chat/completions", "{not json", SECRET);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r).get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(a.bodies).isEmpty();
  }

  // --- models, health ------------------------------------------------------------------------

  @Test
  void models_is_the_union_of_what_active_nodes_serve_by_get_and_post() throws Exception {
    RoundRobinRouter router = new RoundRobinRouter(List.of(
        new NodeEndpoint("0xa", URI.create("http://127.0.0.1:1"), Set.of("llama", "nomic-embed")),
        new NodeEndpoint("0xb", URI.create("http://127.0.0.1:2"), Set.of("llama", "qwen"))));
    GatewayServer g = gateway(router);

    HttpResponse<String> byGet = get(g.url().resolve("/v1/models"), SECRET);
    HttpResponse<String> byPost = post(g, "/v1/models", "", SECRET);

    assertThat(byGet.statusCode()).isEqualTo(200);
    JsonNode list = JSON.readTree(byGet.body());
    assertThat(list.get("object").asText()).isEqualTo("list");
    List<String> ids = new ArrayList<>();
    list.get("data").forEach(m -> ids.add(m.get("id").asText()));
    assertThat(ids).containsExactly("llama", "nomic-embed", "qwen");
    assertThat(list.get("data").get(0).get("owned_by").asText()).isEqualTo("gaia-domain");
    assertThat(byPost.body()).isEqualTo(byGet.body());
  }

  @Test
  void health_and_readiness() throws Exception {
    GatewayServer empty = gateway(new RoundRobinRouter(List.of()));
    GatewayServer serving = gateway(new RoundRobinRouter(List.of(
        new NodeEndpoint("0xa", URI.create("http://127.0.0.1:1"), Set.of(MODEL)))));

    assertThat(get(empty.url().resolve("/health"), null).statusCode()).isEqualTo(200);
    assertThat(get(empty.url().resolve("/ready"), null).statusCode()).isEqualTo(503);
    assertThat(get(serving.url().resolve("/ready"), null).statusCode()).isEqualTo(200);
    HttpResponse<String> unknown = get(serving.url().resolve("/v2/nothing"), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(error(unknown).get("code").asText()).isEqualTo("unknown_url");
    assertThat(get(serving.url().resolve("/v1/chat/completions"), SECRET).statusCode()).isEqualTo(405);
  }
}
