package dev.gaia.inference.gguf;

import java.util.Optional;

/**
 * ggml tensor element types as stored in GGUF tensor infos. A tensor of {@code n} elements (n a
 * multiple of {@link #blockSize()}) occupies {@code n / blockSize * typeSize} bytes; the innermost
 * dimension must be a multiple of the block size. Sizes follow ggml's {@code type_traits} table;
 * codes 4, 5 and 31-33 were removed from ggml and are not listed.
 */
public enum GgmlType {
  F32(0, 1, 4),
  F16(1, 1, 2),
  Q4_0(2, 32, 18),
  Q4_1(3, 32, 20),
  Q5_0(6, 32, 22),
  Q5_1(7, 32, 24),
  Q8_0(8, 32, 34),
  Q8_1(9, 32, 36),
  Q2_K(10, 256, 84),
  Q3_K(11, 256, 110),
  Q4_K(12, 256, 144),
  Q5_K(13, 256, 176),
  Q6_K(14, 256, 210),
  Q8_K(15, 256, 292),
  IQ2_XXS(16, 256, 66),
  IQ2_XS(17, 256, 74),
  IQ3_XXS(18, 256, 98),
  IQ1_S(19, 256, 50),
  IQ4_NL(20, 32, 18),
  IQ3_S(21, 256, 110),
  IQ2_S(22, 256, 82),
  IQ4_XS(23, 256, 136),
  I8(24, 1, 1),
  I16(25, 1, 2),
  I32(26, 1, 4),
  I64(27, 1, 8),
  F64(28, 1, 8),
  IQ1_M(29, 256, 56),
  BF16(30, 1, 2),
  TQ1_0(34, 256, 54),
  TQ2_0(35, 256, 66);

  private final int id;
  private final int blockSize;
  private final int typeSize;

  GgmlType(int id, int blockSize, int typeSize) {
    this.id = id;
    this.blockSize = blockSize;
    this.typeSize = typeSize;
  }

  /** The {@code ggml_type} code written in tensor infos. */
  public int id() {
    return id;
  }

  /** Elements per block. */
  public int blockSize() {
    return blockSize;
  }

  /** Bytes per block. */
  public int typeSize() {
    return typeSize;
  }

  /**
   * Bytes taken by {@code elements} values of this type.
   *
   * @throws IllegalArgumentException if {@code elements} is negative or not a whole number of
   *     blocks
   * @throws ArithmeticException if the size overflows a long
   */
  public long byteSize(long elements) {
    if (elements < 0 || elements % blockSize != 0) {
      throw new IllegalArgumentException(
          elements + " elements is not a whole number of " + this + " blocks of " + blockSize);
    }
    return Math.multiplyExact(elements / blockSize, typeSize);
  }

  public static Optional<GgmlType> ofId(long id) {
    for (GgmlType t : values()) {
      if (t.id == id) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
