package dev.gaia.node.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gaia.protocol.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A node's config.json: Gaia's format, read leniently and written compatibly.
 *
 * <p>Reading accepts every field of Gaia's config.json, with values as Gaia writes them (strings:
 * {@code "16384"}, {@code "0.5"}) or as typed JSON ({@code 16384}, {@code 0.5}); a missing field
 * takes its default. An unknown field, a duplicate field, a null, an array or object value, or a
 * value out of range is an {@link InvalidConfigException} naming the field and the file.
 *
 * <p>Writing emits every field, Gaia's names first, each value as a JSON string. Strings are what
 * Gaia's presets contain and what gaianet's shell scripts, which read config.json with text tools,
 * expect; typed values would break them. The API port is written as {@code llamaedge_port}, Gaia's
 * name; {@code port} is accepted as an alias when reading and in {@link #get}/{@link #set}. Writes
 * are atomic (temporary file, fsync, rename), and the file is rewritten in canonical form, so
 * the formatting and field order of a hand-edited file are not preserved.
 *
 * <p>An instance names one file and holds no state besides the path; it is safe to share, but
 * concurrent {@link #set} calls on the same file race (the last rename wins).
 */
public final class NodeConfigFile {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .defaultPrettyPrinter(
              new DefaultPrettyPrinter()
                  .withSeparators(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)))
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final Path path;

  public NodeConfigFile(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  public Path path() {
    return path;
  }

  /** Reads and validates the file; see {@link #load(Path)}. */
  public NodeConfig read() {
    return load(path);
  }

  /** Replaces the file atomically with {@code config}. */
  public void write(NodeConfig config) {
    write(path, config);
  }

  /** The current value of one field (Gaia's name or an alias) as the text config.json holds. */
  public String get(String key) {
    return get(read(), key);
  }

  /**
   * Sets one field, validates the whole result and only then rewrites the file; a bad key or
   * value leaves the file untouched.
   *
   * @return the configuration now in the file
   * @throws InvalidConfigException naming the key (with near matches when unknown)
   */
  public NodeConfig set(String key, String value) {
    NodeConfig updated;
    try {
      updated = set(read(), key, value);
    } catch (InvalidConfigException e) {
      throw e.in(path.toString());
    }
    write(updated);
    return updated;
  }

  /**
   * Reads and validates a config.json.
   *
   * @throws InvalidConfigException when the file is missing or invalid, naming the file
   * @throws UncheckedIOException when the file cannot be read
   */
  public static NodeConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidConfigException(file.toString(), "no such file (run `gaia init` first)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses config.json text.
   *
   * @param origin where the text came from, put at the head of error messages (a path or URL)
   * @throws InvalidConfigException naming the field and {@code origin}
   */
  public static NodeConfig parse(String json, String origin) {
    Map<String, String> spelledAs = new LinkedHashMap<>();
    try {
      return NodeConfigCodec.fromText(fields(json, origin, spelledAs));
    } catch (InvalidConfigException e) {
      String spelled = e.field().map(f -> spelledAs.getOrDefault(f, f)).orElse(null);
      throw (spelled == null ? e : e.as(spelled)).in(origin);
    }
  }

  /** The config.json text for {@code config}: every field, every value a string. */
  public static String toJson(NodeConfig config) {
    ObjectNode root = JSON.createObjectNode();
    NodeConfigCodec.toText(config).forEach(root::put);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a string-only JSON object", e);
    }
  }

  /** Writes {@code config} to {@code file} atomically, creating parent folders. */
  public static void write(Path file, NodeConfig config) {
    AtomicFiles.writeString(file, toJson(config));
  }

  /** One field of {@code config} as config.json text. */
  public static String get(NodeConfig config, String key) {
    return NodeConfigCodec.toText(config).get(NodeConfigCodec.canonicalKey(key));
  }

  /** {@code config} with one field replaced, validated as a whole. */
  public static NodeConfig set(NodeConfig config, String key, String value) {
    Objects.requireNonNull(value, "value");
    String canonical = NodeConfigCodec.canonicalKey(key);
    Map<String, String> text = new LinkedHashMap<>(NodeConfigCodec.toText(config));
    text.put(canonical, value);
    try {
      return NodeConfigCodec.fromText(text);
    } catch (InvalidConfigException e) {
      throw e.field().filter(canonical::equals).isPresent() ? e.as(key) : e;
    }
  }

  /** Every field name, in the order files are written. */
  public static List<String> keys() {
    return Keys.ALL;
  }

  /**
   * The top-level fields of {@code json} as text, aliases resolved, conflicts refused; {@code
   * spelledAs} receives each canonical name → the name the text used.
   */
  private static Map<String, String> fields(
      String json, String origin, Map<String, String> spelledAs) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException(origin, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidConfigException(origin, "must be a JSON object", null);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String name = e.getKey();
      String key = NodeConfigCodec.canonicalKey(name);
      String text = scalar(name, e.getValue());
      String earlier = spelledAs.put(key, name);
      if (earlier != null && !sameValue(key, out.get(key), text)) {
        throw InvalidConfigException.of(
            name,
            "conflicts with '"
                + earlier
                + "' (\""
                + out.get(key)
                + "\" vs \""
                + text
                + "\"); both name the same setting, keep one");
      }
      out.put(key, text);
    }
    return out;
  }

  private static String scalar(String name, JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
    throw InvalidConfigException.of(name, "must be a string or a number, got " + type);
  }

  /** Two spellings of one field agree when they parse to the same integer, or are equal text. */
  private static boolean sameValue(String key, String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return NodeConfigCodec.integer(Map.of(key, a), key) == NodeConfigCodec.integer(Map.of(key, b), key);
    } catch (InvalidConfigException e) {
      return false;
    }
  }
}
