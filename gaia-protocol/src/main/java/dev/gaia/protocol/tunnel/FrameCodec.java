package dev.gaia.protocol.tunnel;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads {@link Frame}s. Layout, big-endian: one type byte, then per type
 *
 * <pre>
 * 1 CHALLENGE  nonce bytes (rest of message, 16..64)
 * 2 AUTH       signature bytes (rest of message, exactly 65)
 * 3 READY      nothing
 * 4 OPEN       stream:u32  method:str  path:str  headers
 * 5 RESPONSE   stream:u32  status:u16  headers
 * 6 DATA       stream:u32  bytes (rest of message, at most MAX_DATA)
 * 7 END        stream:u32
 * 8 RESET      stream:u32  reason:str
 * 9 WINDOW     stream:u32  credit:u32 (positive)
 * 10 PING / 11 PONG  payload:u64
 * str     = length:u16 + UTF-8 bytes;  headers = count:u16 + (name:str value:str)*
 * </pre>
 *
 * Stream ids are positive 31-bit integers. Decoding checks every length against what is left and
 * rejects trailing bytes, so a malformed or truncated message is a {@link FrameException}, never an
 * out-of-bounds read. Stateless and thread-safe.
 */
public final class FrameCodec {
  /** The most body bytes one DATA frame carries. */
  public static final int MAX_DATA = 64 * 1024;
  /** The most header lines one head carries. */
  public static final int MAX_HEADERS = 256;
  /** Bounds on the challenge nonce, in bytes. */
  public static final int MIN_NONCE = 16;
  public static final int MAX_NONCE = 64;
  /** The most bytes one encoded frame has: a DATA frame with {@link #MAX_DATA} bytes. */
  public static final int MAX_FRAME = 1 + 4 + MAX_DATA;

  static final int CHALLENGE = 1, AUTH = 2, READY = 3, OPEN = 4, RESPONSE = 5, DATA = 6, END = 7,
      RESET = 8, WINDOW = 9, PING = 10, PONG = 11;

  private FrameCodec() {}

  static void checkStream(int stream) {
    if (stream <= 0) {
      throw new IllegalArgumentException("stream ids are positive, got " + stream);
    }
  }

  public static byte[] encode(Frame frame) {
    Writer w = new Writer();
    switch (frame) {
      case Frame.Challenge c -> {
        byte[] nonce = c.nonce();
        if (nonce.length < MIN_NONCE || nonce.length > MAX_NONCE) {
          throw new IllegalArgumentException("a nonce has 16 to 64 bytes, got " + nonce.length);
        }
        w.u8(CHALLENGE).bytes(nonce);
      }
      case Frame.Auth a -> w.u8(AUTH).bytes(a.signature());
      case Frame.Ready r -> w.u8(READY);
      case Frame.Open o -> w.u8(OPEN).u32(o.stream()).str(o.method()).str(o.path()).headers(o.headers());
      case Frame.Response r -> w.u8(RESPONSE).u32(r.stream()).u16(r.status()).headers(r.headers());
      case Frame.Data d -> {
        if (d.length() > MAX_DATA) {
          throw new IllegalArgumentException("a DATA frame carries at most " + MAX_DATA + " bytes");
        }
        w.u8(DATA).u32(d.stream()).bytes(d.bytes());
      }
      case Frame.End e -> w.u8(END).u32(e.stream());
      case Frame.Reset r -> w.u8(RESET).u32(r.stream()).str(r.reason());
      case Frame.Window win -> w.u8(WINDOW).u32(win.stream()).u32(win.credit());
      case Frame.Ping p -> w.u8(PING).u64(p.payload());
      case Frame.Pong p -> w.u8(PONG).u64(p.payload());
      case Frame.Unknown u -> throw new IllegalArgumentException("cannot encode an unknown frame type " + u.type());
    }
    return w.out.toByteArray();
  }

  /** Encodes a DATA frame straight from a slice, without the copy {@link Frame.Data} makes. */
  public static byte[] encodeData(int stream, byte[] bytes, int offset, int length) {
    checkStream(stream);
    if (length > MAX_DATA) {
      throw new IllegalArgumentException("a DATA frame carries at most " + MAX_DATA + " bytes");
    }
    ByteBuffer b = ByteBuffer.allocate(5 + length);
    b.put((byte) DATA).putInt(stream).put(bytes, offset, length);
    return b.array();
  }

  /** Reads one frame that is the whole of {@code message}. */
  public static Frame decode(byte[] message) {
    if (message.length == 0) {
      throw new FrameException("empty tunnel frame");
    }
    if (message.length > MAX_FRAME) {
      throw new FrameException("tunnel frame of " + message.length + " bytes is over the limit of " + MAX_FRAME);
    }
    ByteBuffer in = ByteBuffer.wrap(message);
    int type = in.get() & 0xff;
    try {
      Frame frame = switch (type) {
        case CHALLENGE -> {
          if (in.remaining() < MIN_NONCE || in.remaining() > MAX_NONCE) {
            throw new FrameException("challenge nonce of " + in.remaining() + " bytes; expected 16 to 64");
          }
          yield new Frame.Challenge(rest(in));
        }
        case AUTH -> {
          if (in.remaining() != 65) {
            throw new FrameException("auth signature of " + in.remaining() + " bytes; expected 65");
          }
          yield new Frame.Auth(rest(in));
        }
        case READY -> new Frame.Ready();
        case OPEN -> new Frame.Open(stream(in), str(in, "method"), str(in, "path"), headers(in));
        case RESPONSE -> new Frame.Response(stream(in), status(in), headers(in));
        case DATA -> new Frame.Data(stream(in), rest(in));
        case END -> new Frame.End(stream(in));
        case RESET -> new Frame.Reset(stream(in), str(in, "reset reason"));
        case WINDOW -> {
          int stream = stream(in);
          int credit = in.getInt();
          if (credit <= 0) {
            throw new FrameException("window credit must be positive, got " + Integer.toUnsignedString(credit));
          }
          yield new Frame.Window(stream, credit);
        }
        case PING -> new Frame.Ping(in.getLong());
        case PONG -> new Frame.Pong(in.getLong());
        default -> {
          in.position(in.limit());
          yield new Frame.Unknown(type);
        }
      };
      if (in.hasRemaining()) {
        throw new FrameException(in.remaining() + " trailing bytes after a frame of type " + type);
      }
      return frame;
    } catch (BufferUnderflowException e) {
      throw new FrameException("truncated tunnel frame of type " + type + " (" + message.length + " bytes)");
    }
  }

  private static byte[] rest(ByteBuffer in) {
    byte[] out = new byte[in.remaining()];
    in.get(out);
    return out;
  }

  private static int stream(ByteBuffer in) {
    int stream = in.getInt();
    if (stream <= 0) {
      throw new FrameException("stream id must be positive, got " + Integer.toUnsignedString(stream));
    }
    return stream;
  }

  private static int status(ByteBuffer in) {
    int status = in.getShort() & 0xffff;
    if (status < 100 || status > 999) {
      throw new FrameException("HTTP status out of range: " + status);
    }
    return status;
  }

  private static String str(ByteBuffer in, String what) {
    int length = in.getShort() & 0xffff;
    if (length > in.remaining()) {
      throw new FrameException(what + " of " + length + " bytes runs past the end of the frame");
    }
    ByteBuffer slice = in.slice(in.position(), length);
    in.position(in.position() + length);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(slice)
          .toString();
    } catch (CharacterCodingException e) {
      throw new FrameException(what + " is not valid UTF-8");
    }
  }

  private static List<Frame.Header> headers(ByteBuffer in) {
    int count = in.getShort() & 0xffff;
    if (count > MAX_HEADERS) {
      throw new FrameException(count + " headers; at most " + MAX_HEADERS);
    }
    List<Frame.Header> headers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      headers.add(new Frame.Header(str(in, "header name"), str(in, "header value")));
    }
    return headers;
  }

  private static final class Writer {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    Writer u8(int v) {
      out.write(v);
      return this;
    }

    Writer u16(int v) {
      out.write(v >>> 8);
      out.write(v);
      return this;
    }

    Writer u32(int v) {
      return u16(v >>> 16).u16(v & 0xffff);
    }

    Writer u64(long v) {
      return u32((int) (v >>> 32)).u32((int) v);
    }

    Writer bytes(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    Writer str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > 0xffff) {
        throw new IllegalArgumentException("string of " + b.length + " bytes is over 65535");
      }
      return u16(b.length).bytes(b);
    }

    Writer headers(List<Frame.Header> headers) {
      if (headers.size() > MAX_HEADERS) {
        throw new IllegalArgumentException(headers.size() + " headers; at most " + MAX_HEADERS);
      }
      u16(headers.size());
      for (Frame.Header h : headers) {
        str(h.name()).str(h.value());
      }
      return this;
    }
  }
}
