package dev.gaia.inference.gguf;

import java.util.Optional;

/**
 * The value types of GGUF metadata, with their on-disk codes. {@link #size()} is the encoded width
 * in bytes of a fixed-width type and 0 for {@link #STRING} and {@link #ARRAY}, whose encodings
 * carry their own length.
 */
public enum GgufValueType {
  UINT8(0, 1),
  INT8(1, 1),
  UINT16(2, 2),
  INT16(3, 2),
  UINT32(4, 4),
  INT32(5, 4),
  FLOAT32(6, 4),
  BOOL(7, 1),
  STRING(8, 0),
  ARRAY(9, 0),
  UINT64(10, 8),
  INT64(11, 8),
  FLOAT64(12, 8);

  private static final GgufValueType[] BY_CODE = values();

  private final int code;
  private final int size;

  GgufValueType(int code, int size) {
    this.code = code;
    this.size = size;
  }

  public int code() {
    return code;
  }

  public int size() {
    return size;
  }

  public boolean isInteger() {
    return switch (this) {
      case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> true;
      case FLOAT32, FLOAT64, BOOL, STRING, ARRAY -> false;
    };
  }

  public boolean isFloat() {
    return this == FLOAT32 || this == FLOAT64;
  }

  /** Fixed-width types: integers, floats and bool. */
  public boolean isFixedWidth() {
    return size > 0;
  }

  public static Optional<GgufValueType> ofCode(long code) {
    // The codes are dense, 0..12, in declaration order.
    return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[(int) code]) : Optional.empty();
  }
}
