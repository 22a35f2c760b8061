package dev.gaia.testkit;

import dev.gaia.inference.gguf.GgufValue;
import dev.gaia.inference.gguf.GgufValueType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Little-endian GGUF encoding into a growable heap buffer. Not thread-safe. */
final class GgufEncoder {
  private ByteBuffer buf = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);

  /** The bytes written so far, ready to read (position 0). */
  ByteBuffer bytes() {
    return buf.duplicate().flip();
  }

  long size() {
    return buf.position();
  }

  GgufEncoder u32(long v) {
    room(4).putInt((int) v);
    return this;
  }

  GgufEncoder u64(long v) {
    room(8).putLong(v);
    return this;
  }

  GgufEncoder string(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    u64(bytes.length);
    room(bytes.length).put(bytes);
    return this;
  }

  GgufEncoder zeros(int n) {
    room(n).put(new byte[n]);
    return this;
  }

  /** The value without its type code. */
  GgufEncoder value(GgufValue value) {
    switch (value) {
      case GgufValue.Int(GgufValueType type, long v) -> {
        switch (type.size()) {
          case 1 -> room(1).put((byte) v);
          case 2 -> room(2).putShort((short) v);
          case 4 -> room(4).putInt((int) v);
          default -> room(8).putLong(v);
        }
      }
      case GgufValue.Real(GgufValueType type, double v) -> {
        if (type == GgufValueType.FLOAT32) {
          room(4).putFloat((float) v);
        } else {
          room(8).putDouble(v);
        }
      }
      case GgufValue.Bool(boolean v) -> room(1).put((byte) (v ? 1 : 0));
      case GgufValue.Str(String s) -> string(s);
      case GgufValue.PrimitiveArray a -> {
        header(a);
        ByteBuffer data = a.data();
        room(data.remaining()).put(data);
      }
      case GgufValue.StringArray a -> {
        header(a);
        a.values().forEach(this::string);
      }
      case GgufValue.NestedArray a -> {
        header(a);
        a.values().forEach(this::value);
      }
    }
    return this;
  }

  private void header(GgufValue.Array a) {
    u32(a.elementType().code());
    u64(a.size());
  }

  private ByteBuffer room(int n) {
    if (buf.remaining() < n) {
      long want = Math.max((long) buf.capacity() * 2, (long) buf.position() + n);
      ByteBuffer bigger = ByteBuffer.allocate(Math.toIntExact(want)).order(ByteOrder.LITTLE_ENDIAN);
      buf = bigger.put(buf.flip());
    }
    return buf;
  }
}
