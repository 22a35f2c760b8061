package dev.gaia.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The bytes of one tensor, produced on demand so that a 300 MB model never sits in memory. {@link
 * #writeTo} must write exactly the tensor's byte size ({@link GgufWriter} checks) and must write
 * the same bytes every time it is called.
 */
@FunctionalInterface
public interface TensorData {

  void writeTo(WritableByteChannel out) throws IOException;

  /** Fixed bytes: {@code bytes}' remaining content, not copied (do not modify it afterwards). */
  static TensorData of(ByteBuffer bytes) {
    ByteBuffer source = bytes.duplicate();
    return out -> {
      ByteBuffer b = source.duplicate();
      while (b.hasRemaining()) {
        out.write(b);
      }
    };
  }
}
