package dev.gaia.testkit;

import dev.gaia.inference.gguf.GgmlType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.SplittableRandom;

/**
 * Tensor contents for synthetic models: all-ones norms and random matrices with values of standard
 * deviation about {@link #STD}, generated through a 1 MiB buffer.
 *
 * <p>Quantized blocks use one f16 scale for every block and uniformly random quants, so random bits
 * go straight into the buffer (8 quants of Q8_0 or 16 of Q4_0 per {@code nextLong}): a 280 MB Q4_0
 * model takes well under a second to generate.
 */
final class SyntheticWeights {
  static final double STD = 0.02;

  private static final int CHUNK_BYTES = 1 << 20;

  /** Half-width of a uniform distribution with standard deviation {@link #STD}. */
  private static final double UNIFORM_HALF_WIDTH = STD * Math.sqrt(3);

  /** Standard deviation of a uniform int8 in [-128, 127]: sqrt((256² - 1) / 12). */
  private static final double INT8_STD = Math.sqrt((256.0 * 256 - 1) / 12);

  /** Standard deviation of a uniform nibble minus 8, in [-8, 7]: sqrt((16² - 1) / 12). */
  private static final double NIBBLE_STD = Math.sqrt((16.0 * 16 - 1) / 12);

  /** f16 block scales: Q8_0 value = scale * int8, Q4_0 value = scale * (nibble - 8). */
  private static final short Q8_0_SCALE = Float.floatToFloat16((float) (STD / INT8_STD));

  private static final short Q4_0_SCALE = Float.floatToFloat16((float) (STD / NIBBLE_STD));

  private SyntheticWeights() {}

  static TensorData ones(long elements) {
    return out -> {
      ByteBuffer b = chunk();
      for (long i = 0; i < elements; i++) {
        if (b.remaining() < 4) {
          flush(out, b);
        }
        b.putFloat(1f);
      }
      flush(out, b);
    };
  }

  /** The same bytes for the same {@code seed} on every call. */
  static TensorData random(GgmlType type, long elements, long seed) {
    long blocks = elements / type.blockSize();
    return out -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      ByteBuffer b = chunk();
      for (long i = 0; i < blocks; i++) {
        if (b.remaining() < type.typeSize()) {
          flush(out, b);
        }
        block(type, rnd, b);
      }
      flush(out, b);
    };
  }

  private static void block(GgmlType type, SplittableRandom rnd, ByteBuffer b) {
    switch (type) {
      case F32 -> b.putFloat((float) rnd.nextDouble(-UNIFORM_HALF_WIDTH, UNIFORM_HALF_WIDTH));
      case F16 ->
          b.putShort(
              Float.floatToFloat16(
                  (float) rnd.nextDouble(-UNIFORM_HALF_WIDTH, UNIFORM_HALF_WIDTH)));
      case Q8_0 -> {
        b.putShort(Q8_0_SCALE);
        for (int i = 0; i < 4; i++) {
          b.putLong(rnd.nextLong());
        }
      }
      case Q4_0 -> {
        b.putShort(Q4_0_SCALE);
        b.putLong(rnd.nextLong());
        b.putLong(rnd.nextLong());
      }
      default -> throw new IllegalArgumentException("no synthetic weights of type " + type);
    }
  }

  private static ByteBuffer chunk() {
    return ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void flush(WritableByteChannel out, ByteBuffer b) throws IOException {
    b.flip();
    while (b.hasRemaining()) {
      out.write(b);
    }
    b.clear();
  }
}
