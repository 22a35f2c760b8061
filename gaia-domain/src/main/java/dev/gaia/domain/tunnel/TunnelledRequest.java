package dev.gaia.domain.tunnel;

import dev.gaia.protocol.tunnel.FlowControl;
import dev.gaia.protocol.tunnel.Frame;
import dev.gaia.protocol.tunnel.FrameCodec;
import dev.gaia.protocol.tunnel.StreamSender;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request to a tunnel's local endpoint, carried as a stream: its head as OPEN, its body as
 * DATA within the node's credit (the local request is paused while credit or the socket is short),
 * and the node's answer written back, granting credit as the local client reads it. Not
 * thread-safe: runs on the tunnel's event loop.
 */
final class TunnelledRequest {
  private static final Set<String> HOP = Set.of(
      "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host");

  private final Tunnel tunnel;
  private final int id;
  private final HttpServerRequest request;
  private final StreamSender outbound;
  private final FlowControl.ReceiveWindow inbound = new FlowControl.ReceiveWindow(FlowControl.INITIAL_WINDOW);
  private boolean headSent;
  private boolean done;

  TunnelledRequest(Tunnel tunnel, int id, HttpServerRequest request) {
    this.tunnel = tunnel;
    this.id = id;
    this.request = request;
    this.outbound = new StreamSender(id, FlowControl.INITIAL_WINDOW, tunnel::send, this::maybeResume);
  }

  void open() {
    List<Frame.Header> headers = new ArrayList<>();
    for (var e : request.headers()) {
      if (!HOP.contains(e.getKey().toLowerCase(Locale.ROOT))) {
        headers.add(new Frame.Header(e.getKey(), e.getValue()));
      }
    }
    tunnel.send(FrameCodec.encode(new Frame.Open(id, request.method().name(), request.uri(), headers)));
    request.handler(chunk -> {
      boolean clear = outbound.write(chunk.getBytes());
      if (!clear || tunnel.writeQueueFull()) {
        request.pause();
      }
    });
    request.endHandler(v -> outbound.end());
    request.response().closeHandler(v -> abandon("client went away"));
    request.exceptionHandler(e -> abandon("client request failed"));
  }

  void maybeResume() {
    if (!done && !outbound.blocked() && !tunnel.writeQueueFull()) {
      request.resume();
    }
  }

  void grant(int credit) {
    outbound.grant(credit);
  }

  void head(Frame.Response head) {
    HttpServerResponse response = request.response();
    response.setStatusCode(head.status());
    boolean sized = false;
    for (Frame.Header h : head.headers()) {
      response.headers().add(h.name(), h.value());
      sized |= h.name().equalsIgnoreCase("content-length");
    }
    if (!sized) {
      response.setChunked(true);
    }
    headSent = true;
    response.writeHead();
  }

  void data(Frame.Data data) {
    inbound.received(data.length());
    int n = data.length();
    request.response().write(Buffer.buffer(data.bytes())).onSuccess(v -> {
      int grant = inbound.consumed(n);
      if (grant > 0 && !done) {
        tunnel.send(FrameCodec.encode(new Frame.Window(id, grant)));
      }
    });
  }

  void end() {
    done = true;
    tunnel.remove(id);
    request.response().end();
  }

  /**
   * The node reset the stream or the tunnel dropped: before the head, a 502 the gateway's proxy
   * treats as a failed node and retries elsewhere; after it, the connection is reset so the client
   * sees a truncated response rather than a complete-looking one.
   */
  void fail(String reason) {
    if (done) {
      return;
    }
    done = true;
    tunnel.remove(id);
    HttpServerResponse response = request.response();
    if (!headSent && !response.headWritten()) {
      response.setStatusCode(502)
          .putHeader("content-type", "application/json")
          .putHeader("connection", "close")
          .end("{\"error\":{\"message\":\"The node's tunnel failed: " + reason.replace("\"", "'")
              + "\",\"type\":\"service_unavailable\",\"param\":null,\"code\":\"tunnel_failed\"}}");
    } else {
      response.reset();
    }
  }

  private void abandon(String reason) {
    if (done) {
      return;
    }
    done = true;
    tunnel.remove(id);
    tunnel.send(FrameCodec.encode(new Frame.Reset(id, reason)));
  }
}
