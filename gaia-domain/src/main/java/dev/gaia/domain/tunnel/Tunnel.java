package dev.gaia.domain.tunnel;

import dev.gaia.protocol.identity.Address;
import dev.gaia.protocol.tunnel.Frame;
import dev.gaia.protocol.tunnel.FrameCodec;
import dev.gaia.protocol.tunnel.FrameException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One authenticated node tunnel and the loopback HTTP listener that stands for the node: every
 * request to {@link #endpoint()} becomes a stream through the tunnel. Created and used on the
 * WebSocket's event loop (the listener is bound from it, so its requests run there too); not
 * thread-safe otherwise.
 */
final class Tunnel {
  private static final System.Logger LOG = System.getLogger(Tunnel.class.getName());

  final Address node;
  private final ServerWebSocket socket;
  private final HttpServer listener;
  private final Map<Integer, TunnelledRequest> streams = new HashMap<>();
  private int nextId = 1;
  private volatile URI endpoint;

  private Tunnel(Address node, ServerWebSocket socket, HttpServer listener) {
    this.node = node;
    this.socket = socket;
    this.listener = listener;
  }

  /** Binds the node's loopback endpoint; the tunnel starts taking frames at once. */
  static Future<Tunnel> open(Vertx vertx, Address node, ServerWebSocket socket) {
    HttpServer listener = vertx.createHttpServer(new HttpServerOptions()
        .setHost("127.0.0.1").setPort(0).setTcpNoDelay(true).setCompressionSupported(false));
    Tunnel tunnel = new Tunnel(node, socket, listener);
    listener.requestHandler(tunnel::accept);
    socket.binaryMessageHandler(tunnel::receive);
    socket.drainHandler(v -> List.copyOf(tunnel.streams.values()).forEach(TunnelledRequest::maybeResume));
    return listener.listen().map(s -> {
      tunnel.endpoint = URI.create("http://127.0.0.1:" + s.actualPort());
      return tunnel;
    });
  }

  URI endpoint() {
    return endpoint;
  }

  void send(byte[] frame) {
    if (!socket.isClosed()) {
      socket.writeBinaryMessage(Buffer.buffer(frame));
    }
  }

  boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  void remove(int id) {
    streams.remove(id);
  }

  /** The tunnel dropped: fail every request in flight (they fail over) and stop the endpoint. */
  Future<Void> dropped() {
    List.copyOf(streams.values()).forEach(s -> s.fail("tunnel closed"));
    streams.clear();
    return listener.close();
  }

  /** Closes the socket; its close handler then fails the requests in flight. */
  void close() {
    socket.close();
  }

  private void accept(HttpServerRequest request) {
    if (socket.isClosed()) {
      request.response().setStatusCode(502).end();
      return;
    }
    int id = nextId;
    nextId = nextId >= Integer.MAX_VALUE - 1 ? 1 : nextId + 1;
    TunnelledRequest stream = new TunnelledRequest(this, id, request);
    streams.put(id, stream);
    stream.open();
  }

  private void receive(Buffer message) {
    Frame frame;
    try {
      frame = FrameCodec.decode(message.getBytes());
    } catch (FrameException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the tunnel of " + node + ": " + e.getMessage());
      socket.close((short) 1002, "malformed frame");
      return;
    }
    switch (frame) {
      case Frame.Response r -> with(r.stream(), s -> s.head(r));
      case Frame.Data d -> with(d.stream(), s -> s.data(d));
      case Frame.End e -> with(e.stream(), TunnelledRequest::end);
      case Frame.Window w -> with(w.stream(), s -> s.grant(w.credit()));
      case Frame.Reset r -> with(r.stream(), s -> s.fail(r.reason()));
      case Frame.Ping p -> send(FrameCodec.encode(new Frame.Pong(p.payload())));
      case Frame.Pong p -> {}
      case Frame.Challenge c -> {}
      case Frame.Auth a -> {}
      case Frame.Ready r -> {}
      case Frame.Open o -> send(FrameCodec.encode(new Frame.Reset(o.stream(), "nodes do not open streams")));
      case Frame.Unknown u -> {}
    }
  }

  private void with(int id, java.util.function.Consumer<TunnelledRequest> action) {
    TunnelledRequest s = streams.get(id);
    if (s == null) {
      return;
    }
    try {
      action.accept(s);
    } catch (FrameException e) {
      // The node broke flow control on this stream.
      send(FrameCodec.encode(new Frame.Reset(id, e.getMessage())));
      s.fail(e.getMessage());
    }
  }
}
