package dev.gaia.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slots, the bounded queue and cancellation, with a gated in-memory engine behind a real server. */
class SlotsAndQueueTest {
  GatedEngine engine;
  NodeServer server;
  Http http;

  @BeforeEach
  void start() {
    engine = new GatedEngine(1);
    server = NodeServer.start(
        NodeServerConfig.loopback().withQueueLimit(1),
        new NodeServer.NodeModels(Optional.of(engine), Optional.empty(), List.of()),
        Map.of(),
        "test");
    http = new Http(server.url());
  }

  @AfterEach
  void stop() {
    engine.tokens.release(10_000);
    server.close();
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 20 s");
      }
      Thread.sleep(10);
    }
  }

  private CompletableFuture<HttpResponse<String>> chatAsync(int maxTokens) {
    HttpRequest request = HttpRequest.newBuilder(server.url().resolve("/v1/chat/completions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":" + maxTokens + "}"))
        .build();
    return http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void beyond_slots_and_queue_requests_get_503_with_retry_after() throws Exception {
    CompletableFuture<HttpResponse<String>> running = chatAsync(2);
    await(() -> engine.running.get() == 1);
    CompletableFuture<HttpResponse<String>> queued = chatAsync(2);
    await(() -> server.toString() != null && queuedCount() == 1);

    Http.Reply refused = http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.error().get("code").asText()).isEqualTo("queue_full");

    engine.tokens.release(4);
    assertThat(running.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(queued.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  private int queuedCount() {
    try {
      return http.get("/v1/info").json().get("slots").get("queued").asInt();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void a_client_that_disconnects_mid_stream_frees_its_slot() throws Exception {
    String body = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1000}";
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(request(body));
      socket.getOutputStream().flush();
      engine.tokens.release(1);
      String head = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(head).startsWith("HTTP/1.1 200");
      await(() -> engine.running.get() == 1);
    } // the client goes away mid-stream
    await(() -> engine.cancelled.get() == 1);
    await(() -> engine.running.get() == 0);

    engine.tokens.release(3);
    Http.Reply next = http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":3}");
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.json().at("/usage/completion_tokens").asInt()).isEqualTo(3);
  }

  private static byte[] request(String body) {
    return ("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length() + "\r\n\r\n" + body)
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Test
  void a_client_that_leaves_while_queued_never_reaches_the_engine() throws Exception {
    CompletableFuture<HttpResponse<String>> running = chatAsync(1);
    await(() -> engine.running.get() == 1);
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1}";
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(request(body));
      socket.getOutputStream().flush();
      await(() -> queuedCount() == 1);
    } // the socket closes while its request waits for the slot
    Thread.sleep(300); // let the event loop see the close before the slot frees
    engine.tokens.release(1);
    assertThat(running.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    await(() -> queuedCount() == 0 && engine.running.get() == 0);
    Thread.sleep(100);
    assertThat(engine.started.get()).isEqualTo(1);
  }

  @Test
  void a_request_past_the_time_limit_is_cancelled_and_answered_503() throws Exception {
    server.close();
    server = NodeServer.start(
        NodeServerConfig.loopback().withRequestTimeout(java.time.Duration.ofMillis(300)),
        new NodeServer.NodeModels(Optional.of(engine), Optional.empty(), List.of()),
        Map.of(),
        "test");
    http = new Http(server.url());
    Http.Reply r = http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5}");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.error().get("code").asText()).isEqualTo("timeout");
    assertThat(engine.cancelled.get()).isEqualTo(1);

    engine.tokens.release(1);
    Http.Reply streamed = http.post("/v1/chat/completions",
        "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5}");
    assertThat(streamed.status()).isEqualTo(200);
    assertThat(streamed.body()).contains("\"content\":\"t0 \"").contains("\"code\":\"timeout\"");
  }
}
