package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gaia.domain.tunnel.TunnelServer;
import dev.gaia.node.tunnel.TunnelClient;
import dev.gaia.node.tunnel.TunnelConfig;
import dev.gaia.protocol.identity.Address;
import dev.gaia.protocol.identity.Signature;
import dev.gaia.protocol.identity.Signer;
import dev.gaia.protocol.identity.Signers;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node reachable only through its tunnel: a stub node server on loopback, a {@link TunnelClient}
 * dialling a {@link TunnelServer}, and requests sent to the tunnel's local endpoint over real
 * sockets.
 */
class TunnelEndToEndTest {
  private static final int BIG = 8 * 1024 * 1024;

  private final Signer signer = Signers.fromPrivateKey(key(1));
  private final CompletableFuture<Void> secondEvent = new CompletableFuture<>();
  private final CountDownLatch hangArrived = new CountDownLatch(1);
  private final CountDownLatch hangCancelled = new CountDownLatch(1);
  private HttpServer node;
  private TunnelServer gateway;
  private TunnelClient tunnel;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    node.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    node.createContext("/echo", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().add("x-seen-method", ex.getRequestMethod());
      ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    node.createContext("/count", ex -> {
      long n = ex.getRequestBody().transferTo(OutputStream.nullOutputStream());
      byte[] body = Long.toString(n).getBytes(StandardCharsets.US_ASCII);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    node.createContext("/sse", ex -> {
      ex.getResponseHeaders().add("content-type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      secondEvent.orTimeout(10, TimeUnit.SECONDS).join();
      out.write("data: two\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
      ex.close();
    });
    node.createContext("/big", ex -> {
      ex.sendResponseHeaders(200, BIG);
      OutputStream out = ex.getResponseBody();
      byte[] chunk = new byte[64 * 1024];
      for (int sent = 0; sent < BIG; sent += chunk.length) {
        for (int i = 0; i < chunk.length; i++) {
          chunk[i] = (byte) ((sent + i) % 251);
        }
        out.write(chunk);
      }
      ex.close();
    });
    node.createContext("/hang", ex -> {
      ex.sendResponseHeaders(200, 0);
      hangArrived.countDown();
      try {
        OutputStream out = ex.getResponseBody();
        for (int i = 0; i < 200; i++) {
          out.write("data: tick\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(50);
        }
      } catch (java.io.IOException cancelled) {
        hangCancelled.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    node.start();
    gateway = TunnelServer.start("127.0.0.1", 0, signer.address()::equals, new Random(7));
    tunnel = TunnelClient.start(config(), signer, new Random(11));
    await(() -> tunnel.ready() && gateway.endpoint(signer.address()).isPresent(), "tunnel up");
  }

  @AfterEach
  void stop() {
    tunnel.close();
    gateway.close();
    node.stop(0);
  }

  @Test
  void a_request_through_the_tunnel_reaches_the_node_and_returns_its_body() throws Exception {
    HttpResponse<String> answer = http.send(
        HttpRequest.newBuilder(endpoint("/echo?x=1")).POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"tunnel\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"hello\":\"tunnel\"}");
    assertThat(answer.headers().firstValue("x-seen-method")).contains("POST");
  }

  @Test
  void sse_passes_through_event_by_event() throws Exception {
    HttpResponse<Stream<String>> answer = http.send(
        HttpRequest.newBuilder(endpoint("/sse")).GET().build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(answer.headers().firstValue("content-type")).contains("text/event-stream");
    Iterator<String> lines = answer.body().iterator();
    // The node holds the second event until the first has come out of the tunnel.
    assertThat(lines.next()).isEqualTo("data: one");
    secondEvent.complete(null);
    assertThat(lines.next()).isEmpty();
    assertThat(lines.next()).isEqualTo("data: two");
  }

  @Test
  void large_bodies_stream_both_ways_within_flow_control_and_a_slow_reader_starves_no_one() throws Exception {
    HttpResponse<InputStream> big = http.send(HttpRequest.newBuilder(endpoint("/big")).build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = big.body()) {
      byte[] first = in.readNBytes(1000);
      assertThat(first[999]).isEqualTo((byte) (999 % 251));
      // The big stream is stalled on its window; another stream on the same tunnel still flows.
      long t0 = System.nanoTime();
      HttpResponse<String> upload = http.send(
          HttpRequest.newBuilder(endpoint("/count")).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3 * 1024 * 1024])).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(upload.body()).isEqualTo(Integer.toString(3 * 1024 * 1024));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
      byte[] rest = in.readAllBytes();
      assertThat(1000 + rest.length).isEqualTo(BIG);
      for (int i = 0; i < rest.length; i += 4099) {
        assertThat(rest[i]).isEqualTo((byte) ((1000 + i) % 251));
      }
    }
  }

  @Test
  void a_wrong_signature_is_refused() throws Exception {
    Signer forger = new Signer() {
      @Override
      public Address address() {
        return signer.address();
      }

      @Override
      public Signature sign(byte[] message) {
        return Signers.fromPrivateKey(key(2)).sign(message);
      }
    };
    try (TunnelClient bad = TunnelClient.start(config(), forger, new Random(3))) {
      Thread.sleep(1000);
      assertThat(bad.ready()).isFalse();
      assertThat(bad.sessions()).isZero();
    }
    assertThat(gateway.connected()).containsExactly(signer.address());
  }

  @Test
  void a_dropped_tunnel_fails_in_flight_requests_fast_and_the_node_reconnects() throws Exception {
    HttpResponse<InputStream> inFlight = http.send(
        HttpRequest.newBuilder(endpoint("/hang")).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(hangArrived.await(10, TimeUnit.SECONDS)).isTrue();
    InputStream body = inFlight.body();
    assertThat(new String(body.readNBytes(12), StandardCharsets.UTF_8)).isEqualTo("data: tick\n\n");
    long t0 = System.nanoTime();
    tunnel.dropForTest();
    // The head was already through: the client sees its response cut off, not a clean end.
    CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
      try {
        return body.readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(rest).failsWithin(Duration.ofSeconds(5));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(hangCancelled.await(10, TimeUnit.SECONDS)).as("the node's local request is cancelled").isTrue();
    await(() -> tunnel.sessions() == 2 && tunnel.ready() && gateway.endpoint(signer.address()).isPresent(), "reconnected");
    HttpResponse<String> again = http.send(
        HttpRequest.newBuilder(endpoint("/echo")).POST(HttpRequest.BodyPublishers.ofString("back")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(again.body()).isEqualTo("back");
  }

  private TunnelConfig config() {
    return new TunnelConfig(gateway.url(), URI.create("http://127.0.0.1:" + node.getAddress().getPort()),
        Duration.ofMillis(50), Duration.ofMillis(500));
  }

  private URI endpoint(String path) {
    return gateway.endpoint(signer.address()).orElseThrow().resolve(path);
  }

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) seed);
    return key;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
