package dev.gaia.protocol.tunnel;

import java.util.List;
import java.util.Objects;

/**
 * One message on a tunnel: a node dials its gateway over a WebSocket and the gateway sends HTTP
 * requests through it, many at once, each on its own stream. Every frame travels as one binary
 * WebSocket message and is written and read by {@link FrameCodec}.
 *
 * <p>A session: the gateway sends {@link Challenge}; the node answers {@link Auth}, signing the
 * nonce; the gateway answers {@link Ready} or closes the socket. Then the gateway opens streams
 * ({@link Open}, ids it allocates, positive), sends the request body as {@link Data} and {@link
 * End}; the node answers {@link Response}, {@link Data}, {@link End}. Either side may {@link Reset}
 * a stream. Bytes of {@link Data} are only sent against credit the receiver granted ({@link
 * Window}); each stream starts with {@link FlowControl#INITIAL_WINDOW} bytes each way.
 */
public sealed interface Frame {
  /** Header names and values in order; a name may repeat. */
  record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Gateway → node, first frame: the random nonce the node must sign. */
  record Challenge(byte[] nonce) implements Frame {
    public Challenge {
      nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
      return nonce.clone();
    }
  }

  /** Node → gateway: EIP-191 personal-sign of the challenge nonce, 65 bytes {@code r||s||v}. */
  record Auth(byte[] signature) implements Frame {
    public Auth {
      signature = signature.clone();
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }
  }

  /** Gateway → node: the signature checked out; streams may follow. */
  record Ready() implements Frame {}

  /** Gateway → node: a new stream carrying one HTTP request's head. */
  record Open(int stream, String method, String path, List<Header> headers) implements Frame {
    public Open {
      FrameCodec.checkStream(stream);
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      headers = List.copyOf(headers);
    }
  }

  /** Node → gateway: the response head of a stream. */
  record Response(int stream, int status, List<Header> headers) implements Frame {
    public Response {
      FrameCodec.checkStream(stream);
      if (status < 100 || status > 999) {
        throw new IllegalArgumentException("HTTP status out of range: " + status);
      }
      headers = List.copyOf(headers);
    }
  }

  /** Body bytes of a stream, in either direction; spends as much credit as it carries. */
  record Data(int stream, byte[] bytes) implements Frame {
    public Data {
      FrameCodec.checkStream(stream);
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    public int length() {
      return bytes.length;
    }
  }

  /** The sender's half of a stream is complete (no more {@link Data}). */
  record End(int stream) implements Frame {
    public End {
      FrameCodec.checkStream(stream);
    }
  }

  /** Abandons a stream in both directions; {@code reason} is for logs. */
  record Reset(int stream, String reason) implements Frame {
    public Reset {
      FrameCodec.checkStream(stream);
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The receiver consumed bytes of a stream: the sender may send {@code credit} more. */
  record Window(int stream, int credit) implements Frame {
    public Window {
      FrameCodec.checkStream(stream);
      if (credit <= 0) {
        throw new IllegalArgumentException("window credit must be positive, got " + credit);
      }
    }
  }

  /** Liveness probe; the peer answers {@link Pong} with the same payload. */
  record Ping(long payload) implements Frame {}

  record Pong(long payload) implements Frame {}

  /** A frame type this side does not know (a newer peer); receivers ignore it. */
  record Unknown(int type) implements Frame {}
}
