package dev.gaia.inference.gguf;

import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The header of a GGUF v2/v3 file: metadata and tensor infos, without tensor data. Immutable and
 * thread-safe once read.
 *
 * <p>{@link #read(Path)} reads only the front of the file (a few MB for a 150k-token vocabulary)
 * and checks that every tensor of a known type lies inside the file. Malformed files fail with a
 * {@link GaiaException} of kind {@code INVALID_REQUEST} whose message names the file and the
 * defect; a missing file fails with kind {@code NOT_FOUND}.
 */
public final class GgufFile {
  private final Path path;
  private final int version;
  private final Map<String, GgufValue> metadata;
  private final List<GgufTensorInfo> tensors;
  private final Map<String, GgufTensorInfo> tensorsByName;
  private final int alignment;
  private final long dataOffset;
  private final long fileSize;

  GgufFile(
      Path path,
      int version,
      Map<String, GgufValue> metadata,
      List<GgufTensorInfo> tensors,
      int alignment,
      long dataOffset,
      long fileSize) {
    this.path = path;
    this.version = version;
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    this.tensors = List.copyOf(tensors);
    Map<String, GgufTensorInfo> byName = new LinkedHashMap<>();
    tensors.forEach(t -> byName.put(t.name(), t));
    this.tensorsByName = Collections.unmodifiableMap(byName);
    this.alignment = alignment;
    this.dataOffset = dataOffset;
    this.fileSize = fileSize;
  }

  public static GgufFile read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return new GgufParser(file, new GgufInput(file, ch)).parse();
    } catch (NoSuchFileException e) {
      throw GaiaException.notFound("model", file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  /** 2 or 3. */
  public int version() {
    return version;
  }

  /** All key/values in file order. */
  public Map<String, GgufValue> metadata() {
    return metadata;
  }

  /** Tensor infos in file order. */
  public List<GgufTensorInfo> tensors() {
    return tensors;
  }

  public int tensorCount() {
    return tensors.size();
  }

  public Optional<GgufTensorInfo> tensor(String name) {
    return Optional.ofNullable(tensorsByName.get(name));
  }

  /** {@code general.alignment}, 32 when absent. */
  public int alignment() {
    return alignment;
  }

  /** Absolute file offset of the data section; tensor offsets are relative to it. */
  public long dataOffset() {
    return dataOffset;
  }

  public long fileSize() {
    return fileSize;
  }

  public Optional<GgufValue> value(String key) {
    return Optional.ofNullable(metadata.get(key));
  }

  /**
   * @throws GaiaException if the key holds another type
   */
  public Optional<String> string(String key) {
    return typed(key, GgufValue.Str.class).map(GgufValue.Str::value);
  }

  /** Any integer type; see {@link GgufValue.Int} for unsigned values. */
  public OptionalLong integer(String key) {
    return typed(key, GgufValue.Int.class)
        .map(v -> OptionalLong.of(v.value()))
        .orElse(OptionalLong.empty());
  }

  public OptionalDouble real(String key) {
    return typed(key, GgufValue.Real.class)
        .map(v -> OptionalDouble.of(v.value()))
        .orElse(OptionalDouble.empty());
  }

  public Optional<Boolean> bool(String key) {
    return typed(key, GgufValue.Bool.class).map(GgufValue.Bool::value);
  }

  /** A string array such as {@code tokenizer.ggml.tokens}; the list is shared, not copied. */
  public Optional<List<String>> strings(String key) {
    return typed(key, GgufValue.StringArray.class).map(GgufValue.StringArray::values);
  }

  /** {@code general.architecture}, e.g. {@code llama}; required. */
  public String architecture() {
    return string("general.architecture").orElseThrow(() -> missing("general.architecture"));
  }

  /** {@code general.name}. */
  public Optional<String> name() {
    return string("general.name");
  }

  /** Training context in tokens, {@code <arch>.context_length}; required. */
  public int contextLength() {
    return archInt("context_length");
  }

  public int embeddingLength() {
    return archInt("embedding_length");
  }

  public int blockCount() {
    return archInt("block_count");
  }

  /** {@code tokenizer.chat_template}, a Jinja template. */
  public Optional<String> chatTemplate() {
    return string("tokenizer.chat_template");
  }

  /** Entries in {@code tokenizer.ggml.tokens}, else {@code <arch>.vocab_size}; required. */
  public int vocabularySize() {
    if (metadata.get("tokenizer.ggml.tokens") instanceof GgufValue.Array tokens) {
      return tokens.size();
    }
    String key = architecture() + ".vocab_size";
    return toInt(key, integer(key).orElseThrow(() -> missing("tokenizer.ggml.tokens or " + key)));
  }

  private int archInt(String suffix) {
    String key = architecture() + "." + suffix;
    return toInt(key, integer(key).orElseThrow(() -> missing(key)));
  }

  private int toInt(String key, long v) {
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw GgufInput.error(path, key + " has absurd value " + Long.toUnsignedString(v));
    }
    return (int) v;
  }

  private <T extends GgufValue> Optional<T> typed(String key, Class<T> type) {
    GgufValue v = metadata.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!type.isInstance(v)) {
      throw GgufInput.error(
          path, "metadata " + key + " is " + v.type() + ", expected " + type.getSimpleName());
    }
    return Optional.of(type.cast(v));
  }

  private GaiaException missing(String key) {
    return GgufInput.error(path, "missing metadata key " + key);
  }

  @Override
  public String toString() {
    return "GgufFile["
        + path
        + ", v"
        + version
        + ", "
        + metadata.size()
        + " keys, "
        + tensors.size()
        + " tensors]";
  }
}
