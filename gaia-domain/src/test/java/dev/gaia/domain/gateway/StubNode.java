package dev.gaia.domain.gateway;

import dev.gaia.domain.routing.NodeEndpoint;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A node stand-in on a loopback port: answers with {@code behaviour} once the request body has
 * arrived, and records what it received and when its connections close.
 */
final class StubNode implements AutoCloseable {
  /** What the stub does with a request whose body is {@code body}. */
  interface Behaviour {
    void answer(HttpServerRequest request, Buffer body);
  }

  final String address;
  final List<Buffer> bodies = new CopyOnWriteArrayList<>();
  final List<String> requestIds = new CopyOnWriteArrayList<>();
  /** Completes when a connection that carried a request closes. */
  final CompletableFuture<Void> connectionClosed = new CompletableFuture<>();
  private final HttpServer server;
  private final Set<String> models;

  private StubNode(String address, HttpServer server, Set<String> models) {
    this.address = address;
    this.server = server;
    this.models = models;
  }

  static StubNode start(Vertx vertx, String address, Set<String> models, Behaviour behaviour) throws Exception {
    StubNode[] self = new StubNode[1];
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    Handler<HttpServerRequest> handler = request -> {
      request.connection().closeHandler(v -> self[0].connectionClosed.complete(null));
      self[0].requestIds.add(String.valueOf(request.getHeader(GatewayServer.REQUEST_ID_HEADER)));
      request.body().onSuccess(body -> {
        self[0].bodies.add(body);
        behaviour.answer(request, body);
      });
    };
    server.requestHandler(handler);
    self[0] = new StubNode(address, server, models);
    server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return self[0];
  }

  NodeEndpoint endpoint() {
    return new NodeEndpoint(address, URI.create("http://127.0.0.1:" + server.actualPort()), models);
  }

  /** An endpoint on a loopback port where nothing listens: connections are refused. */
  static NodeEndpoint refusing(String address, Set<String> models) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    return new NodeEndpoint(address, URI.create("http://127.0.0.1:" + port), models);
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
