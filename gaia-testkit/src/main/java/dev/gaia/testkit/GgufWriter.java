package dev.gaia.testkit;

import dev.gaia.inference.gguf.GgmlType;
import dev.gaia.inference.gguf.GgufTensorInfo;
import dev.gaia.inference.gguf.GgufValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a GGUF v3 file: metadata in insertion order, then tensor infos, then tensor data, each
 * tensor at a multiple of {@link #ALIGNMENT} bytes from the start of the data section (the last one
 * padded too, as gguf-py does). {@code general.alignment} is always the first key.
 *
 * <p>Tensor bytes come from {@link TensorData} at write time, so memory use is the header plus
 * whatever the data producers buffer. Not thread-safe.
 */
public final class GgufWriter {
  public static final int ALIGNMENT = 32;
  public static final int VERSION = 3;

  private static final String ALIGNMENT_KEY = "general.alignment";
  private static final int MAGIC = 0x46554747; // "GGUF" as a little-endian u32

  private record Tensor(GgufTensorInfo info, long byteSize, TensorData data) {}

  private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
  private final List<Tensor> tensors = new ArrayList<>();
  private long dataSize;

  public GgufWriter() {
    metadata.put(ALIGNMENT_KEY, GgufValue.uint32(ALIGNMENT));
  }

  /**
   * @throws IllegalArgumentException if {@code key} is already set
   */
  public GgufWriter put(String key, GgufValue value) {
    if (metadata.putIfAbsent(key, value) != null) {
      throw new IllegalArgumentException("metadata key " + key + " is already set");
    }
    return this;
  }

  public GgufWriter putString(String key, String value) {
    return put(key, GgufValue.string(value));
  }

  public GgufWriter putUInt32(String key, long value) {
    return put(key, GgufValue.uint32(value));
  }

  public GgufWriter putInt32(String key, int value) {
    return put(key, GgufValue.int32(value));
  }

  public GgufWriter putFloat32(String key, float value) {
    return put(key, GgufValue.float32(value));
  }

  public GgufWriter putBool(String key, boolean value) {
    return put(key, GgufValue.bool(value));
  }

  /**
   * Adds a tensor after the previous ones.
   *
   * @param dims extents, innermost first (ggml {@code ne[]}); the innermost must be a multiple of
   *     the type's block size
   */
  public GgufWriter addTensor(String name, GgmlType type, List<Long> dims, TensorData data) {
    if (tensors.stream().anyMatch(t -> t.info().name().equals(name))) {
      throw new IllegalArgumentException("tensor " + name + " is already added");
    }
    GgufTensorInfo info = new GgufTensorInfo(name, dims, type, dataSize);
    if (!dims.isEmpty() && dims.getFirst() % type.blockSize() != 0) {
      throw new IllegalArgumentException(
          name
              + ": innermost dimension "
              + dims.getFirst()
              + " is not a multiple of the "
              + type
              + " block size "
              + type.blockSize());
    }
    long bytes = type.byteSize(info.elementCount());
    tensors.add(new Tensor(info, bytes, data));
    dataSize = Math.addExact(dataSize, padded(bytes));
    return this;
  }

  /** The exact size {@link #write} will produce, without producing any tensor data. */
  public long fileSize() {
    return padded(header().size()) + dataSize;
  }

  /**
   * Creates or replaces {@code file} and forces it to disk. Not atomic; see {@link
   * SyntheticModels}.
   */
  public void write(Path file) {
    try (FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeTo(ch);
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the whole file to {@code out}. */
  public void writeTo(WritableByteChannel out) throws IOException {
    GgufEncoder header = header();
    header.zeros((int) (padded(header.size()) - header.size()));
    writeFully(out, header.bytes());
    for (Tensor t : tensors) {
      CountingChannel counted = new CountingChannel(out);
      t.data().writeTo(counted);
      if (counted.count != t.byteSize()) {
        throw new IllegalStateException(
            "tensor "
                + t.info().name()
                + ": data wrote "
                + counted.count
                + " bytes, expected "
                + t.byteSize());
      }
      writeFully(out, ByteBuffer.allocate((int) (padded(t.byteSize()) - t.byteSize())));
    }
  }

  private GgufEncoder header() {
    GgufEncoder e = new GgufEncoder();
    e.u32(MAGIC).u32(VERSION).u64(tensors.size()).u64(metadata.size());
    metadata.forEach(
        (key, value) -> {
          e.string(key);
          e.u32(value.type().code());
          e.value(value);
        });
    for (Tensor t : tensors) {
      e.string(t.info().name());
      e.u32(t.info().dims().size());
      t.info().dims().forEach(e::u64);
      e.u32(t.info().typeId());
      e.u64(t.info().offset());
    }
    return e;
  }

  private static long padded(long n) {
    return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  private static void writeFully(WritableByteChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  /** Counts what a {@link TensorData} writes; closing it does not close the target. */
  private static final class CountingChannel implements WritableByteChannel {
    private final WritableByteChannel target;
    long count;

    CountingChannel(WritableByteChannel target) {
      this.target = target;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      int n = target.write(src);
      count += n;
      return n;
    }

    @Override
    public boolean isOpen() {
      return target.isOpen();
    }

    @Override
    public void close() {}
  }
}
