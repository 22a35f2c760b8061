package dev.gaia.node.tunnel;

import dev.gaia.protocol.identity.Signer;
import dev.gaia.protocol.tunnel.Frame;
import dev.gaia.protocol.tunnel.FrameCodec;
import dev.gaia.protocol.tunnel.FrameException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The node's end of one connected tunnel: answers the challenge, then serves each stream the
 * gateway opens against the local server. Not thread-safe: everything runs on the WebSocket's
 * event loop.
 */
final class NodeSession {
  private static final System.Logger LOG = System.getLogger(NodeSession.class.getName());

  private final WebSocket socket;
  private final Signer signer;
  private final HttpClient client;
  private final URI local;
  private final Runnable onReady;
  private final Map<Integer, LocalStream> streams = new HashMap<>();

  NodeSession(WebSocket socket, Signer signer, HttpClient client, URI local, Runnable onReady) {
    this.socket = socket;
    this.signer = signer;
    this.client = client;
    this.local = local;
    this.onReady = onReady;
    socket.binaryMessageHandler(this::receive);
    socket.drainHandler(v -> List.copyOf(streams.values()).forEach(LocalStream::maybeResume));
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

  /** The tunnel is gone: cancel every local request still running. */
  void dropped() {
    List.copyOf(streams.values()).forEach(LocalStream::reset);
    streams.clear();
  }

  private void receive(Buffer message) {
    Frame frame;
    try {
      frame = FrameCodec.decode(message.getBytes());
    } catch (FrameException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the tunnel: " + e.getMessage());
      socket.close((short) 1002, "malformed frame");
      return;
    }
    switch (frame) {
      case Frame.Challenge c -> send(FrameCodec.encode(new Frame.Auth(signer.sign(c.nonce()).bytes())));
      case Frame.Ready r -> onReady.run();
      case Frame.Open o -> {
        if (streams.containsKey(o.stream())) {
          send(FrameCodec.encode(new Frame.Reset(o.stream(), "stream id in use")));
          return;
        }
        LocalStream stream = new LocalStream(this, o.stream());
        streams.put(o.stream(), stream);
        stream.open(client, local, o);
      }
      case Frame.Data d -> withStream(d.stream(), s -> s.data(d));
      case Frame.End e -> withStream(e.stream(), LocalStream::end);
      case Frame.Window w -> withStream(w.stream(), s -> s.grant(w.credit()));
      case Frame.Reset r -> {
        LocalStream s = streams.remove(r.stream());
        if (s != null) {
          s.reset();
        }
      }
      case Frame.Ping p -> send(FrameCodec.encode(new Frame.Pong(p.payload())));
      case Frame.Pong p -> {}
      case Frame.Auth a -> LOG.log(System.Logger.Level.WARNING, "ignoring an AUTH frame from the gateway");
      case Frame.Response r -> LOG.log(System.Logger.Level.WARNING, "ignoring a RESPONSE frame from the gateway");
      case Frame.Unknown u -> {}
    }
  }

  private void withStream(int id, java.util.function.Consumer<LocalStream> action) {
    LocalStream s = streams.get(id);
    if (s != null) {
      try {
        action.accept(s);
      } catch (FrameException e) {
        // The gateway broke flow control on this stream.
        streams.remove(id);
        s.reset();
        send(FrameCodec.encode(new Frame.Reset(id, e.getMessage())));
      }
    }
  }
}
