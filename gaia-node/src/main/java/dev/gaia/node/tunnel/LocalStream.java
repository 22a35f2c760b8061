package dev.gaia.node.tunnel;

import dev.gaia.protocol.tunnel.FlowControl;
import dev.gaia.protocol.tunnel.Frame;
import dev.gaia.protocol.tunnel.FrameCodec;
import dev.gaia.protocol.tunnel.StreamSender;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;

/**
 * One tunnelled request, replayed against the node's own HTTP server: the request body arrives as
 * DATA frames (granted back as the local server reads them), the response streams back as a
 * RESPONSE head, DATA within the gateway's credit, and END. Not thread-safe: runs on the tunnel's
 * event loop, as do the HTTP client's callbacks (issued from that context).
 */
final class LocalStream {
  private final NodeSession session;
  private final int id;
  private final FlowControl.ReceiveWindow inbound = new FlowControl.ReceiveWindow(FlowControl.INITIAL_WINDOW);
  private final StreamSender outbound;
  /** Request body that arrived before the local request was ready. */
  private final ArrayDeque<Buffer> early = new ArrayDeque<>();
  private boolean requestEnded;
  private HttpClientRequest request;
  private HttpClientResponse response;
  private boolean closed;
  private boolean responseEnded;

  LocalStream(NodeSession session, int id) {
    this.session = session;
    this.id = id;
    this.outbound = new StreamSender(id, FlowControl.INITIAL_WINDOW, session::send, this::maybeResume);
  }

  void open(HttpClient client, URI local, Frame.Open open) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.valueOf(open.method()))
        .setHost(local.getHost())
        .setPort(local.getPort())
        .setURI(open.path());
    boolean sized = false;
    for (Frame.Header h : open.headers()) {
      if (!Hop.isHopByHop(h.name())) {
        options.addHeader(h.name(), h.value());
        sized |= h.name().equalsIgnoreCase("content-length");
      }
    }
    boolean chunked = !sized;
    client.request(options).onComplete(ready -> {
      if (closed) {
        if (ready.succeeded()) {
          ready.result().reset();
        }
        return;
      }
      if (ready.failed()) {
        fail("local node unreachable: " + ready.cause().getMessage());
        return;
      }
      request = ready.result();
      request.setChunked(chunked);
      request.exceptionHandler(e -> fail("local request failed: " + e.getMessage()));
      request.response().onComplete(answer -> {
        if (answer.failed()) {
          fail("local request failed: " + answer.cause().getMessage());
        } else {
          respond(answer.result());
        }
      });
      while (!early.isEmpty()) {
        writeLocal(early.poll());
      }
      if (requestEnded) {
        request.end();
      }
    });
  }

  void data(Frame.Data data) {
    inbound.received(data.length());
    Buffer chunk = Buffer.buffer(data.bytes());
    if (request == null) {
      early.add(chunk);
    } else {
      writeLocal(chunk);
    }
  }

  void end() {
    requestEnded = true;
    if (request != null) {
      request.end();
    }
  }

  void grant(int credit) {
    outbound.grant(credit);
    if (responseEnded && !outbound.blocked()) {
      session.remove(id);
    }
  }

  /** The gateway abandoned the stream (or the tunnel dropped): cancel the local request. */
  void reset() {
    if (closed) {
      return;
    }
    closed = true;
    if (request != null) {
      request.reset();
    }
  }

  /** Resumes the local response when neither the stream's credit nor the socket holds it back. */
  void maybeResume() {
    if (response != null && !closed && !outbound.blocked() && !session.writeQueueFull()) {
      response.resume();
    }
  }

  private void writeLocal(Buffer chunk) {
    int n = chunk.length();
    request.write(chunk).onSuccess(v -> {
      int grant = inbound.consumed(n);
      if (grant > 0 && !closed) {
        session.send(FrameCodec.encode(new Frame.Window(id, grant)));
      }
    });
  }

  private void respond(HttpClientResponse answer) {
    if (closed) {
      return;
    }
    response = answer;
    List<Frame.Header> headers = new ArrayList<>();
    MultiMap all = answer.headers();
    for (var e : all) {
      if (!Hop.isHopByHop(e.getKey())) {
        headers.add(new Frame.Header(e.getKey(), e.getValue()));
      }
    }
    session.send(FrameCodec.encode(new Frame.Response(id, answer.statusCode(), headers)));
    answer.handler(chunk -> {
      boolean clear = outbound.write(chunk.getBytes());
      if (!clear || session.writeQueueFull()) {
        answer.pause();
      }
    });
    answer.exceptionHandler(e -> fail("local response failed: " + e.getMessage()));
    answer.endHandler(v -> {
      outbound.end();
      responseEnded = true;
      if (!outbound.blocked()) {
        session.remove(id);
      }
    });
  }

  private void fail(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    session.send(FrameCodec.encode(new Frame.Reset(id, reason)));
    session.remove(id);
    if (request != null) {
      request.reset();
    }
  }
}
