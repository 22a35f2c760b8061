package dev.gaia.node.config;

import dev.gaia.knowledge.rag.RagPolicy;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * Converts between {@link NodeConfig} and the flat field → text map of config.json. Text is
 * Gaia's representation: every value a string, numbers in plain decimal. Parsing is lenient about
 * surrounding whitespace in numbers and strict about everything else.
 */
final class NodeConfigCodec {
  private NodeConfigCodec() {}

  /** JSON's number syntax; Java's parser alone would also take "NaN", "0x1p3" and "5f". */
  private static final Pattern DECIMAL =
      Pattern.compile("-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  /**
   * The config.json name for {@code key}: itself, or the name an alias stands for.
   *
   * @throws InvalidConfigException naming the key, with near matches, when it is unknown
   */
  static String canonicalKey(String key) {
    if (Keys.ALL.contains(key)) {
      return key;
    }
    String aliased = Keys.ALIASES.get(key);
    if (aliased != null) {
      return aliased;
    }
    var known = new java.util.ArrayList<>(Keys.ALL);
    known.addAll(Keys.ALIASES.keySet());
    String hint = NearMatches.hint(key, known);
    throw InvalidConfigException.of(
        key,
        "unknown field"
            + hint
            + (hint.isEmpty() ? "; known fields: " + String.join(", ", Keys.ALL) : ""));
  }

  /** Every field, in {@link Keys#ALL} order, as the text written to config.json. */
  static SequencedMap<String, String> toText(NodeConfig c) {
    SequencedMap<String, String> m = new LinkedHashMap<>();
    m.put(Keys.ADDRESS, c.node().address());
    m.put(Keys.DESCRIPTION, c.node().description());
    m.put(Keys.DOMAIN, c.node().domain());
    m.put(Keys.LLAMAEDGE_PORT, Integer.toString(c.server().port()));
    m.put(Keys.CHAT, ref(c.chat().source()));
    m.put(Keys.CHAT_NAME, c.chat().name());
    m.put(Keys.CHAT_CTX_SIZE, Integer.toString(c.chat().ctxSize()));
    m.put(Keys.CHAT_BATCH_SIZE, Integer.toString(c.chat().batchSize()));
    m.put(Keys.CHAT_UBATCH_SIZE, Integer.toString(c.chat().ubatchSize()));
    m.put(Keys.PROMPT_TEMPLATE, c.chat().promptTemplate());
    m.put(Keys.REVERSE_PROMPT, c.chat().reversePrompt());
    m.put(Keys.SYSTEM_PROMPT, c.chat().systemPrompt());
    m.put(Keys.CONTEXT_WINDOW, Integer.toString(c.knowledge().contextWindow()));
    m.put(Keys.EMBEDDING, ref(c.embedding().source()));
    m.put(Keys.EMBEDDING_NAME, c.embedding().name());
    m.put(Keys.EMBEDDING_CTX_SIZE, Integer.toString(c.embedding().ctxSize()));
    m.put(Keys.EMBEDDING_BATCH_SIZE, Integer.toString(c.embedding().batchSize()));
    m.put(Keys.EMBEDDING_UBATCH_SIZE, Integer.toString(c.embedding().ubatchSize()));
    m.put(Keys.SNAPSHOT, ref(c.knowledge().snapshot()));
    m.put(Keys.EMBEDDING_COLLECTION_NAME, c.knowledge().collectionName());
    m.put(Keys.QDRANT_LIMIT, Integer.toString(c.knowledge().limit()));
    m.put(Keys.QDRANT_SCORE_THRESHOLD, decimal(c.knowledge().scoreThreshold()));
    m.put(Keys.RAG_POLICY, c.knowledge().ragPolicy().wire());
    m.put(Keys.RAG_PROMPT, c.knowledge().ragPrompt());
    m.put(Keys.LLAMAEDGE_CHAT_PORT, Integer.toString(c.llamaEdge().chatPort()));
    m.put(Keys.LLAMAEDGE_EMBEDDING_PORT, Integer.toString(c.llamaEdge().embeddingPort()));
    m.put(Keys.SERVER_HEALTH_URL, c.llamaEdge().serverHealthUrl().map(URI::toString).orElse(""));
    m.put(Keys.SERVER_INFO_URL, c.llamaEdge().serverInfoUrl().map(URI::toString).orElse(""));
    m.put(Keys.HOST, c.server().host());
    m.put(Keys.THREADS, Integer.toString(c.inference().threads()));
    m.put(Keys.PARALLEL, Integer.toString(c.inference().parallel()));
    m.put(Keys.QUEUE_LIMIT, Integer.toString(c.inference().queueLimit()));
    m.put(Keys.MAX_BODY_BYTES, Long.toString(c.server().maxBodyBytes()));
    m.put(Keys.REQUEST_TIMEOUT, Long.toString(c.server().requestTimeout().toSeconds()));
    m.put(Keys.ENGINE, c.inference().engine().wireName());
    m.put(Keys.DOMAIN_NAME, c.node().domainName());
    m.put(Keys.PUBLIC_URL, c.node().publicUrl().map(URI::toString).orElse(""));
    m.put(Keys.PASSPHRASE_FILE, c.node().passphraseFile().map(Path::toString).orElse(""));
    m.put(Keys.DOMAIN_TUNNEL, Boolean.toString(c.node().tunnel()));
    return m;
  }

  /**
   * Builds a config from field texts keyed by {@link Keys#ALL} names; a missing field takes its
   * value from {@link NodeConfig#defaults()}.
   *
   * @throws InvalidConfigException naming the first bad field
   */
  static NodeConfig fromText(Map<String, String> given) {
    Map<String, String> v = new LinkedHashMap<>(toText(NodeConfig.defaults()));
    given.forEach((k, text) -> v.put(canonicalKey(k), text));
    return new NodeConfig(
        new NodeProfile(
            v.get(Keys.ADDRESS),
            v.get(Keys.DESCRIPTION),
            v.get(Keys.DOMAIN).strip(),
            v.get(Keys.DOMAIN_NAME).strip(),
            url(v, Keys.PUBLIC_URL),
            path(v, Keys.PASSPHRASE_FILE),
            bool(v, Keys.DOMAIN_TUNNEL)),
        new ServerSettings(
            v.get(Keys.HOST).strip(),
            integer(v, Keys.LLAMAEDGE_PORT),
            longInteger(v, Keys.MAX_BODY_BYTES),
            Duration.ofSeconds(longInteger(v, Keys.REQUEST_TIMEOUT))),
        new InferenceSettings(
            EngineKind.parse(Keys.ENGINE, v.get(Keys.ENGINE)),
            integer(v, Keys.THREADS),
            integer(v, Keys.PARALLEL),
            integer(v, Keys.QUEUE_LIMIT)),
        new ChatModel(
            ResourceRef.parse(Keys.CHAT, v.get(Keys.CHAT)),
            v.get(Keys.CHAT_NAME),
            integer(v, Keys.CHAT_CTX_SIZE),
            integer(v, Keys.CHAT_BATCH_SIZE),
            integer(v, Keys.CHAT_UBATCH_SIZE),
            v.get(Keys.PROMPT_TEMPLATE).strip(),
            v.get(Keys.REVERSE_PROMPT),
            v.get(Keys.SYSTEM_PROMPT)),
        new EmbeddingModel(
            embeddingSource(v.get(Keys.EMBEDDING)),
            v.get(Keys.EMBEDDING_NAME),
            integer(v, Keys.EMBEDDING_CTX_SIZE),
            integer(v, Keys.EMBEDDING_BATCH_SIZE),
            integer(v, Keys.EMBEDDING_UBATCH_SIZE)),
        new KnowledgeSettings(
            ResourceRef.parse(Keys.SNAPSHOT, v.get(Keys.SNAPSHOT)),
            v.get(Keys.EMBEDDING_COLLECTION_NAME).strip(),
            integer(v, Keys.QDRANT_LIMIT),
            decimal(v, Keys.QDRANT_SCORE_THRESHOLD),
            v.get(Keys.RAG_PROMPT),
            ragPolicy(v.get(Keys.RAG_POLICY)),
            integer(v, Keys.CONTEXT_WINDOW)),
        new LlamaEdgeCompat(
            integer(v, Keys.LLAMAEDGE_CHAT_PORT),
            integer(v, Keys.LLAMAEDGE_EMBEDDING_PORT),
            url(v, Keys.SERVER_HEALTH_URL),
            url(v, Keys.SERVER_INFO_URL)));
  }

  /** {@code ""} and {@code "default"} both select the built-in ONNX embedding model. */
  private static Optional<ResourceRef> embeddingSource(String text) {
    return text.strip().equalsIgnoreCase("default")
        ? Optional.empty()
        : ResourceRef.parse(Keys.EMBEDDING, text);
  }

  static int integer(Map<String, String> v, String key) {
    long n = longInteger(v, key);
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw InvalidConfigException.of(key, "is out of range: " + n);
    }
    return (int) n;
  }

  private static long longInteger(Map<String, String> v, String key) {
    String t = v.get(key).strip();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw InvalidConfigException.of(key, "expected an integer, got \"" + v.get(key) + "\"");
    }
  }

  private static double decimal(Map<String, String> v, String key) {
    String t = v.get(key).strip();
    if (!DECIMAL.matcher(t).matches()) {
      throw InvalidConfigException.of(key, "expected a number, got \"" + v.get(key) + "\"");
    }
    return Double.parseDouble(t);
  }

  private static Optional<URI> url(Map<String, String> v, String key) {
    String t = v.get(key).strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(t));
    } catch (URISyntaxException e) {
      throw InvalidConfigException.of(key, "not a valid URL: \"" + t + "\"");
    }
  }

  private static Optional<Path> path(Map<String, String> v, String key) {
    String t = v.get(key).strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(t));
    } catch (InvalidPathException e) {
      throw InvalidConfigException.of(key, "not a valid path: \"" + t + "\"");
    }
  }

  private static String ref(Optional<ResourceRef> ref) {
    return ref.map(ResourceRef::text).orElse("");
  }

  /** Plain decimal without exponent or trailing zeros: 0.5 → "0.5", 1.0 → "1". */
  private static String decimal(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static RagPolicy ragPolicy(String text) {
    try {
      return RagPolicy.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw InvalidConfigException.of(
          Keys.RAG_POLICY, "must be one of system-message, last-user-message, got \"" + text + "\"");
    }
  }

  private static boolean bool(Map<String, String> v, String key) {
    String text = v.get(key).strip();
    return switch (text) {
      case "true" -> true;
      case "false", "" -> false;
      default -> throw InvalidConfigException.of(key, "must be true or false, got \"" + text + "\"");
    };
  }
}
