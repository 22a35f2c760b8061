package dev.gaia.inference.gguf;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Little-endian reads from the front of a file through a 64 KiB buffer. Every length read from the
 * file is checked against the bytes that remain before anything is allocated, so a corrupt count
 * fails with a message instead of an {@link OutOfMemoryError}. Not thread-safe.
 */
final class GgufInput {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path file;
  private final FileChannel channel;
  private final long fileSize;
  private final ByteBuffer buf =
      ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN).limit(0);

  /** File position of {@code buf}'s index 0. */
  private long bufStart;

  GgufInput(Path file, FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    this.fileSize = channel.size();
  }

  long position() {
    return bufStart + buf.position();
  }

  long fileSize() {
    return fileSize;
  }

  long remaining() {
    return fileSize - position();
  }

  /** A GGUF format error at the current position. */
  GaiaException error(String what) {
    return error(file, what + " (at byte " + position() + ")");
  }

  static GaiaException error(Path file, String what) {
    return new GaiaException(
        ErrorKind.INVALID_REQUEST, file + ": " + what, null, "invalid_model_file");
  }

  byte i8(String what) {
    fill(1, what);
    return buf.get();
  }

  short i16(String what) {
    fill(2, what);
    return buf.getShort();
  }

  int i32(String what) {
    fill(4, what);
    return buf.getInt();
  }

  long i64(String what) {
    fill(8, what);
    return buf.getLong();
  }

  /**
   * A u64 count or length of units of at least {@code bytesPerUnit} bytes each, which must fit in
   * the bytes that remain: more than the whole file holds is called absurd, less is truncation.
   */
  long length(String what, long bytesPerUnit) {
    long n = i64(what);
    long perUnit = Math.max(1, bytesPerUnit);
    if (n < 0 || n > fileSize / perUnit) {
      throw error(
          "absurd "
              + what
              + " "
              + Long.toUnsignedString(n)
              + " (the file has "
              + fileSize
              + " bytes)");
    }
    if (n > remaining() / perUnit) {
      throw error(
          "file is truncated: "
              + what
              + " "
              + n
              + " needs more than the "
              + remaining()
              + " bytes that remain");
    }
    return n;
  }

  String string(String what, int maxBytes) {
    long n = length(what + " length", 1);
    if (n > maxBytes) {
      throw error(what + " of " + n + " bytes exceeds the limit of " + maxBytes);
    }
    byte[] bytes = new byte[(int) n];
    bytes(bytes, what);
    // Malformed UTF-8 is replaced, not rejected: some converted vocabularies contain it.
    return new String(bytes, StandardCharsets.UTF_8);
  }

  void bytes(byte[] dst, String what) {
    int done = 0;
    while (done < dst.length) {
      if (!buf.hasRemaining()) {
        fill(1, what);
      }
      int n = Math.min(buf.remaining(), dst.length - done);
      buf.get(dst, done, n);
      done += n;
    }
  }

  /** Makes {@code n <= BUFFER_BYTES} bytes available in {@code buf}. */
  private void fill(int n, String what) {
    if (buf.remaining() >= n) {
      return;
    }
    if (remaining() < n) {
      throw error("file is truncated: cannot read " + what + ", file has " + fileSize + " bytes");
    }
    bufStart += buf.position();
    buf.compact();
    try {
      while (buf.position() < n) {
        if (channel.read(buf, bufStart + buf.position()) < 0) {
          buf.flip();
          throw error("file ended while reading " + what);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    buf.flip();
  }
}
