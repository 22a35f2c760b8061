package dev.gaia.cli.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A fast OpenAI-shaped backend for the proxy benchmarks: {@code POST /v1/chat/completions} answers
 * a small fixed JSON with usage, or, when the body asks for {@code "stream":true}, {@code events}
 * small SSE chunks, a usage chunk and {@code [DONE]}, written as fast as the socket takes them.
 *
 * <p>Runs in the bench JVM on its own Vert.x instance with one event loop, so it does not share
 * event loops with the gateway (it does share the machine's cores with everything else).
 */
final class StubBackend implements AutoCloseable {
  static final String MODEL = "stub-model";
  private static final Buffer JSON = Buffer.buffer("{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"created\":0,"
      + "\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"pong\"},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}");
  private static final Buffer EVENT = Buffer.buffer("data: {\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\","
      + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok\"}}]}\n\n");
  private static final Buffer LAST = Buffer.buffer("data: {\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\","
      + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":200,\"total_tokens\":205}}\n\ndata: [DONE]\n\n");
  /** SSE events a stream carries beyond the content chunks: the usage chunk and {@code [DONE]}. */
  static final int TRAILING_EVENTS = 2;

  private final Vertx vertx;
  private final HttpServer server;

  private StubBackend(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  /** Binds a free loopback port; a stream carries {@code events} content chunks. */
  static StubBackend start(int events) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true));
    server.requestHandler(request -> request.body().onSuccess(body -> {
      HttpServerResponse response = request.response();
      if (body.toString().contains("\"stream\":true")) {
        response.setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream");
        for (int i = 0; i < events; i++) {
          response.write(EVENT);
        }
        response.end(LAST);
      } else {
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(JSON);
      }
    }));
    try {
      server.listen().await(30, TimeUnit.SECONDS);
    } catch (RuntimeException | java.util.concurrent.TimeoutException e) {
      vertx.close();
      throw new IllegalStateException("the stub backend did not start: " + e, e);
    }
    return new StubBackend(vertx, server);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
