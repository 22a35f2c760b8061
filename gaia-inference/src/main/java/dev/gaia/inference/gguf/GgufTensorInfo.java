package dev.gaia.inference.gguf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One tensor's entry in a GGUF header.
 *
 * @param dims extents, innermost (contiguous) first, as in ggml's {@code ne[]}
 * @param typeId the {@code ggml_type} code; kept raw so that files with types newer than {@link
 *     GgmlType} still read
 * @param offset byte offset of the tensor's data from the start of the data section
 */
public record GgufTensorInfo(String name, List<Long> dims, int typeId, long offset) {
  public GgufTensorInfo {
    Objects.requireNonNull(name, "name");
    dims = List.copyOf(dims);
    for (long d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension " + d + " in tensor " + name);
      }
    }
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset in tensor " + name);
    }
  }

  public GgufTensorInfo(String name, List<Long> dims, GgmlType type, long offset) {
    this(name, dims, type.id(), offset);
  }

  /** Empty when {@link #typeId} is not a type this reader knows. */
  public Optional<GgmlType> type() {
    return GgmlType.ofId(typeId);
  }

  /** Product of the dimensions. @throws ArithmeticException on overflow */
  public long elementCount() {
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** Bytes of tensor data, when the type is known. */
  public OptionalLong byteSize() {
    return type()
        .map(t -> OptionalLong.of(t.byteSize(elementCount())))
        .orElse(OptionalLong.empty());
  }
}
