package dev.gaia.inference.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * A GGUF metadata value. Integers of every width share {@link Int}, floats share {@link Real};
 * arrays of fixed-width elements keep their raw little-endian bytes ({@link PrimitiveArray}), so a
 * 150k-entry score table is one buffer, not 150k objects.
 */
public sealed interface GgufValue {

  GgufValueType type();

  /**
   * An integer of any GGUF width. Unsigned types hold their value zero-extended, except {@code
   * UINT64}, whose value is the raw 64 bits (use {@link Long#toUnsignedString}).
   */
  record Int(GgufValueType type, long value) implements GgufValue {
    public Int {
      if (!type.isInteger()) {
        throw new IllegalArgumentException(type + " is not an integer type");
      }
      if (!fits(type, value)) {
        throw new IllegalArgumentException(value + " does not fit " + type);
      }
    }

    static boolean fits(GgufValueType type, long v) {
      return switch (type) {
        case UINT8 -> v >= 0 && v <= 0xFF;
        case INT8 -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
        case UINT16 -> v >= 0 && v <= 0xFFFF;
        case INT16 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
        case UINT32 -> v >= 0 && v <= 0xFFFF_FFFFL;
        case INT32 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
        default -> true;
      };
    }
  }

  /** A {@code FLOAT32} (exactly representable as a float) or {@code FLOAT64}. */
  record Real(GgufValueType type, double value) implements GgufValue {
    public Real {
      if (!type.isFloat()) {
        throw new IllegalArgumentException(type + " is not a float type");
      }
    }
  }

  record Bool(boolean value) implements GgufValue {
    @Override
    public GgufValueType type() {
      return GgufValueType.BOOL;
    }
  }

  record Str(String value) implements GgufValue {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public GgufValueType type() {
      return GgufValueType.STRING;
    }
  }

  /** Common view of the three array shapes. */
  sealed interface Array extends GgufValue {
    GgufValueType elementType();

    int size();

    @Override
    default GgufValueType type() {
      return GgufValueType.ARRAY;
    }
  }

  /**
   * An array of integers, floats or bools, held as the raw little-endian bytes of the file.
   * Equality compares element type and bytes.
   */
  record PrimitiveArray(GgufValueType elementType, ByteBuffer data) implements Array {
    public PrimitiveArray {
      if (!elementType.isFixedWidth()) {
        throw new IllegalArgumentException(elementType + " is not a fixed-width element type");
      }
      if (data.remaining() % elementType.size() != 0) {
        throw new IllegalArgumentException(
            data.remaining() + " bytes is not a whole number of " + elementType + " elements");
      }
      data = data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Integer or bool elements (bools as 0/1), in the zero-extension convention of {@link Int}. */
    public static PrimitiveArray ofLongs(GgufValueType elementType, long... values) {
      ByteBuffer b = allocate(elementType, values.length);
      for (long v : values) {
        if (elementType == GgufValueType.BOOL ? v != 0 && v != 1 : !Int.fits(elementType, v)) {
          throw new IllegalArgumentException(v + " does not fit " + elementType);
        }
        switch (elementType.size()) {
          case 1 -> b.put((byte) v);
          case 2 -> b.putShort((short) v);
          case 4 -> b.putInt((int) v);
          default -> b.putLong(v);
        }
      }
      return new PrimitiveArray(elementType, b.flip());
    }

    public static PrimitiveArray ofDoubles(GgufValueType elementType, double... values) {
      if (!elementType.isFloat()) {
        throw new IllegalArgumentException(elementType + " is not a float type");
      }
      ByteBuffer b = allocate(elementType, values.length);
      for (double v : values) {
        if (elementType == GgufValueType.FLOAT32) {
          b.putFloat((float) v);
        } else {
          b.putDouble(v);
        }
      }
      return new PrimitiveArray(elementType, b.flip());
    }

    private static ByteBuffer allocate(GgufValueType elementType, int count) {
      return ByteBuffer.allocate(Math.multiplyExact(count, elementType.size()))
          .order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A read-only little-endian view of the raw bytes; moving its position is harmless. */
    @Override
    public ByteBuffer data() {
      return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public int size() {
      return data.capacity() / elementType.size();
    }

    /** Element {@code i} of an integer or bool array. */
    public long getLong(int i) {
      int at = i * elementType.size();
      return switch (elementType) {
        case UINT8, BOOL -> Byte.toUnsignedLong(data.get(at));
        case INT8 -> data.get(at);
        case UINT16 -> Short.toUnsignedLong(data.getShort(at));
        case INT16 -> data.getShort(at);
        case UINT32 -> Integer.toUnsignedLong(data.getInt(at));
        case INT32 -> data.getInt(at);
        case UINT64, INT64 -> data.getLong(at);
        case FLOAT32, FLOAT64, STRING, ARRAY ->
            throw new IllegalStateException(elementType + " array has no integer elements");
      };
    }

    /** Element {@code i} of a float array. */
    public double getDouble(int i) {
      return switch (elementType) {
        case FLOAT32 -> data.getFloat(i * 4);
        case FLOAT64 -> data.getDouble(i * 8);
        default -> throw new IllegalStateException(elementType + " array has no float elements");
      };
    }

    public float[] toFloatArray() {
      float[] out = new float[size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) getDouble(i);
      }
      return out;
    }

    public long[] toLongArray() {
      long[] out = new long[size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = getLong(i);
      }
      return out;
    }
  }

  record StringArray(List<String> values) implements Array {
    public StringArray {
      values = List.copyOf(values);
    }

    @Override
    public GgufValueType elementType() {
      return GgufValueType.STRING;
    }

    @Override
    public int size() {
      return values.size();
    }
  }

  /** An array whose elements are arrays (each with its own element type). */
  record NestedArray(List<Array> values) implements Array {
    public NestedArray {
      values = List.copyOf(values);
    }

    @Override
    public GgufValueType elementType() {
      return GgufValueType.ARRAY;
    }

    @Override
    public int size() {
      return values.size();
    }
  }

  static Int uint8(int v) {
    return new Int(GgufValueType.UINT8, v);
  }

  static Int int8(int v) {
    return new Int(GgufValueType.INT8, v);
  }

  static Int uint16(int v) {
    return new Int(GgufValueType.UINT16, v);
  }

  static Int int16(int v) {
    return new Int(GgufValueType.INT16, v);
  }

  static Int uint32(long v) {
    return new Int(GgufValueType.UINT32, v);
  }

  static Int int32(int v) {
    return new Int(GgufValueType.INT32, v);
  }

  /** {@code v} is taken as raw unsigned bits. */
  static Int uint64(long v) {
    return new Int(GgufValueType.UINT64, v);
  }

  static Int int64(long v) {
    return new Int(GgufValueType.INT64, v);
  }

  static Real float32(float v) {
    return new Real(GgufValueType.FLOAT32, v);
  }

  static Real float64(double v) {
    return new Real(GgufValueType.FLOAT64, v);
  }

  static Bool bool(boolean v) {
    return new Bool(v);
  }

  static Str string(String v) {
    return new Str(v);
  }

  static StringArray strings(List<String> values) {
    return new StringArray(values);
  }

  static PrimitiveArray float32s(float... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return new PrimitiveArray(GgufValueType.FLOAT32, b);
  }

  static PrimitiveArray int32s(int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    return new PrimitiveArray(GgufValueType.INT32, b);
  }
}
