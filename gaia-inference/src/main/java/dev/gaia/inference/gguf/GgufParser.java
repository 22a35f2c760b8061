package dev.gaia.inference.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a GGUF header (magic, version, metadata, tensor infos) from the front of a file; tensor
 * data is never read. Limits below are far above anything a real model uses and keep a corrupt
 * header from allocating more than the file could justify.
 */
final class GgufParser {
  static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
  static final int DEFAULT_ALIGNMENT = 32;
  static final String ALIGNMENT_KEY = "general.alignment";

  private static final int MAX_KEY_BYTES = 65_535;
  private static final int MAX_STRING_BYTES = 64 << 20;
  private static final int MAX_ARRAY_ELEMENTS = 1 << 26;
  private static final int MAX_ARRAY_DEPTH = 4;
  private static final int MAX_DIMS = 4; // GGML_MAX_DIMS

  /** Minimum encoded sizes, used to bound counts: key length + type + 1-byte value. */
  private static final int MIN_KV_BYTES = 8 + 4 + 1;

  /** Name length + n_dims + type + offset. */
  private static final int MIN_TENSOR_INFO_BYTES = 8 + 4 + 4 + 8;

  private final Path file;
  private final GgufInput in;

  GgufParser(Path file, GgufInput in) {
    this.file = file;
    this.in = in;
  }

  GgufFile parse() {
    int version = header();
    long tensorCount = in.length("tensor count", MIN_TENSOR_INFO_BYTES);
    long kvCount = in.length("metadata count", MIN_KV_BYTES);

    Map<String, GgufValue> metadata = new LinkedHashMap<>();
    for (long i = 0; i < kvCount; i++) {
      String key = in.string("metadata key #" + i, MAX_KEY_BYTES);
      GgufValueType type = valueType("value type of " + key);
      GgufValue value = value(type, key, 0);
      if (metadata.putIfAbsent(key, value) != null) {
        throw in.error("duplicate metadata key " + key);
      }
    }
    int alignment = alignment(metadata.get(ALIGNMENT_KEY));

    List<GgufTensorInfo> tensors = new ArrayList<>((int) Math.min(tensorCount, 4096));
    Set<String> names = new HashSet<>();
    for (long i = 0; i < tensorCount; i++) {
      GgufTensorInfo t = tensorInfo(i);
      if (!names.add(t.name())) {
        throw in.error("duplicate tensor name " + t.name());
      }
      tensors.add(t);
    }
    long dataOffset = alignUp(in.position(), alignment);
    for (GgufTensorInfo t : tensors) {
      checkData(t, dataOffset, alignment);
    }
    return new GgufFile(file, version, metadata, tensors, alignment, dataOffset, in.fileSize());
  }

  private int header() {
    if (in.fileSize() < 4) {
      throw GgufInput.error(file, "not a GGUF file: only " + in.fileSize() + " bytes long");
    }
    int magic = in.i32("magic");
    if (magic != MAGIC) {
      throw GgufInput.error(
          file,
          "not a GGUF file: starts with bytes "
              + String.format("%08x", Integer.reverseBytes(magic))
              + ", expected 47475546 (\"GGUF\")");
    }
    int version = in.i32("version");
    if (version == 2 || version == 3) {
      return version;
    }
    if ((version & 0xFFFF) == 0 && version != 0) {
      throw in.error("big-endian GGUF files are not supported");
    }
    throw in.error(
        "unsupported GGUF version " + Integer.toUnsignedString(version) + " (2 and 3 are)");
  }

  private GgufValueType valueType(String what) {
    int code = in.i32(what);
    return GgufValueType.ofCode(Integer.toUnsignedLong(code))
        .orElseThrow(() -> in.error("unknown " + what + ": " + Integer.toUnsignedString(code)));
  }

  private GgufValue value(GgufValueType type, String key, int depth) {
    return switch (type) {
      case UINT8 -> new GgufValue.Int(type, Byte.toUnsignedLong(in.i8(key)));
      case INT8 -> new GgufValue.Int(type, in.i8(key));
      case UINT16 -> new GgufValue.Int(type, Short.toUnsignedLong(in.i16(key)));
      case INT16 -> new GgufValue.Int(type, in.i16(key));
      case UINT32 -> new GgufValue.Int(type, Integer.toUnsignedLong(in.i32(key)));
      case INT32 -> new GgufValue.Int(type, in.i32(key));
      case UINT64, INT64 -> new GgufValue.Int(type, in.i64(key));
      case FLOAT32 -> new GgufValue.Real(type, Float.intBitsToFloat(in.i32(key)));
      case FLOAT64 -> new GgufValue.Real(type, Double.longBitsToDouble(in.i64(key)));
      case BOOL -> new GgufValue.Bool(bool(key));
      case STRING -> new GgufValue.Str(in.string(key, MAX_STRING_BYTES));
      case ARRAY -> array(key, depth);
    };
  }

  private boolean bool(String key) {
    byte b = in.i8(key);
    if (b != 0 && b != 1) {
      throw in.error("bool " + key + " has value " + b + ", expected 0 or 1");
    }
    return b == 1;
  }

  private GgufValue.Array array(String key, int depth) {
    if (depth >= MAX_ARRAY_DEPTH) {
      throw in.error("arrays nested deeper than " + MAX_ARRAY_DEPTH + " in " + key);
    }
    GgufValueType elementType = valueType("element type of " + key);
    // Strings and arrays take at least 8 bytes each (their length or element type + count).
    int minBytes = elementType.isFixedWidth() ? elementType.size() : 8;
    long n = in.length("element count of " + key, minBytes);
    if (n > MAX_ARRAY_ELEMENTS) {
      throw in.error("array " + key + " has " + n + " elements, limit " + MAX_ARRAY_ELEMENTS);
    }
    int count = (int) n;
    return switch (elementType) {
      case STRING -> {
        List<String> values = new ArrayList<>(count);
        String what = "element of " + key;
        for (int i = 0; i < count; i++) {
          values.add(in.string(what, MAX_STRING_BYTES));
        }
        yield new GgufValue.StringArray(values);
      }
      case ARRAY -> {
        List<GgufValue.Array> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          values.add(array(key, depth + 1));
        }
        yield new GgufValue.NestedArray(values);
      }
      default -> {
        byte[] raw = new byte[count * elementType.size()];
        in.bytes(raw, key);
        if (elementType == GgufValueType.BOOL) {
          for (byte b : raw) {
            if (b != 0 && b != 1) {
              throw in.error("bool array " + key + " has value " + b + ", expected 0 or 1");
            }
          }
        }
        yield new GgufValue.PrimitiveArray(
            elementType, ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN));
      }
    };
  }

  private int alignment(GgufValue value) {
    if (value == null) {
      return DEFAULT_ALIGNMENT;
    }
    if (value instanceof GgufValue.Int(_, long a)
        && a > 0
        && a <= 1 << 20
        && Long.bitCount(a) == 1) {
      return (int) a;
    }
    throw GgufInput.error(file, ALIGNMENT_KEY + " must be a power of two, is " + value);
  }

  private GgufTensorInfo tensorInfo(long index) {
    String name = in.string("name of tensor #" + index, MAX_KEY_BYTES);
    int nDims = in.i32("dimension count of " + name);
    if (nDims < 0 || nDims > MAX_DIMS) {
      throw in.error(
          "tensor "
              + name
              + " has "
              + Integer.toUnsignedString(nDims)
              + " dimensions, max "
              + MAX_DIMS);
    }
    List<Long> dims = new ArrayList<>(nDims);
    for (int d = 0; d < nDims; d++) {
      long extent = in.i64("dimension " + d + " of " + name);
      if (extent < 0) {
        throw in.error("tensor " + name + " has absurd dimension " + Long.toUnsignedString(extent));
      }
      dims.add(extent);
    }
    int typeId = in.i32("type of " + name);
    long offset = in.i64("offset of " + name);
    if (offset < 0) {
      throw in.error("tensor " + name + " has absurd offset " + Long.toUnsignedString(offset));
    }
    return new GgufTensorInfo(name, dims, typeId, offset);
  }

  /** Tensors of unknown type are not checked: their size is unknown. */
  private void checkData(GgufTensorInfo t, long dataOffset, int alignment) {
    if (t.type().isEmpty()) {
      return;
    }
    GgmlType type = t.type().get();
    if (t.offset() % alignment != 0) {
      throw GgufInput.error(
          file, "tensor " + t.name() + " offset " + t.offset() + " is not aligned to " + alignment);
    }
    if (!t.dims().isEmpty() && t.dims().getFirst() % type.blockSize() != 0) {
      throw GgufInput.error(
          file,
          "tensor "
              + t.name()
              + " of type "
              + type
              + " has innermost dimension "
              + t.dims().getFirst()
              + ", not a multiple of "
              + type.blockSize());
    }
    long end;
    try {
      end = Math.addExact(Math.addExact(dataOffset, t.offset()), t.byteSize().orElseThrow());
    } catch (ArithmeticException e) {
      throw GgufInput.error(file, "tensor " + t.name() + " has absurd size " + t.dims());
    }
    if (end > in.fileSize()) {
      throw GgufInput.error(
          file,
          "file is truncated: tensor "
              + t.name()
              + " ends at byte "
              + end
              + " but the file has "
              + in.fileSize()
              + " bytes");
    }
  }

  static long alignUp(long position, int alignment) {
    return (position + alignment - 1) / alignment * alignment;
  }
}
