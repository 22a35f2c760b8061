package dev.gaia.testkit;

import dev.gaia.inference.gguf.GgmlType;
import java.util.Objects;
import java.util.Set;

/**
 * The shape of a synthetic model: real architectures' tensor shapes with seeded random weights.
 * llama.cpp's speed depends on shapes and quantization only, so benchmark numbers on these are
 * close to the real models'; their output is gibberish, deterministic at a fixed seed.
 *
 * @param name written as {@code general.name}
 * @param dim embedding length
 * @param layers transformer blocks
 * @param heads query heads; {@code dim / heads} is the head dimension
 * @param kvHeads key/value heads (grouped-query attention when fewer than {@code heads})
 * @param ffn feed-forward hidden size
 * @param vocabSize tokens, at least {@link SyntheticVocabulary#MIN_SIZE}
 * @param contextLength training context in tokens, {@code <arch>.context_length}
 * @param tensorType type of the weight matrices (norms are always F32): F32, F16, Q8_0 or Q4_0
 * @param chatTemplate Jinja {@code tokenizer.chat_template}; empty for none
 * @param seed seed of all weights; the vocabulary does not depend on it
 */
public record SyntheticModelSpec(
    String name,
    Architecture architecture,
    int dim,
    int layers,
    int heads,
    int kvHeads,
    int ffn,
    int vocabSize,
    int contextLength,
    GgmlType tensorType,
    String chatTemplate,
    long seed) {

  /** What {@code general.architecture} says and which tensors each block has. */
  public enum Architecture {
    /** Llama: also fits SmolLM2 and, without its QKV biases, Qwen2.5. */
    LLAMA("llama"),
    /**
     * Qwen3: llama plus per-head RMS norms on queries and keys ({@code attn_q_norm}, {@code
     * attn_k_norm}). llama.cpp b4916 cannot load it.
     */
    QWEN3("qwen3");

    private final String ggufName;

    Architecture(String ggufName) {
      this.ggufName = ggufName;
    }

    /** The {@code general.architecture} value and metadata key prefix. */
    public String ggufName() {
      return ggufName;
    }
  }

  /** The standard ChatML template (as Qwen2.5 uses, minus its default system prompt). */
  public static final String CHATML_TEMPLATE =
      """
      {% for message in messages %}\
      {{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}\
      {% endfor %}\
      {% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}\
      """;

  private static final Set<GgmlType> WEIGHT_TYPES =
      Set.of(GgmlType.F32, GgmlType.F16, GgmlType.Q8_0, GgmlType.Q4_0);

  public SyntheticModelSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(tensorType, "tensorType");
    Objects.requireNonNull(chatTemplate, "chatTemplate");
    check(dim > 0 && layers > 0 && heads > 0 && kvHeads > 0 && ffn > 0, "sizes must be positive");
    check(dim % heads == 0, "dim " + dim + " is not a multiple of heads " + heads);
    check(heads % kvHeads == 0, "heads " + heads + " is not a multiple of kvHeads " + kvHeads);
    check(WEIGHT_TYPES.contains(tensorType), "tensorType must be one of " + WEIGHT_TYPES);
    int block = tensorType.blockSize();
    // Every matrix's innermost dimension is dim or ffn (heads * headDim == dim).
    check(dim % block == 0 && ffn % block == 0, "dim and ffn must be multiples of " + block);
    check(
        vocabSize >= SyntheticVocabulary.MIN_SIZE,
        "vocabSize must be >= " + SyntheticVocabulary.MIN_SIZE);
    check(contextLength > 0, "contextLength must be positive");
  }

  /**
   * Unit-test size: 2 layers of width 64, 600 tokens, F32, about 0.5 MB, written in milliseconds.
   */
  public static SyntheticModelSpec tiny() {
    return new SyntheticModelSpec(
        "synthetic-tiny",
        Architecture.LLAMA,
        64,
        2,
        4,
        2,
        128,
        600,
        2048,
        GgmlType.F32,
        CHATML_TEMPLATE,
        42);
  }

  /** {@link #tiny()} as Qwen3, with {@code attn_q_norm} and {@code attn_k_norm} per block. */
  public static SyntheticModelSpec tinyQwen3() {
    return new SyntheticModelSpec(
        "synthetic-tiny-qwen3",
        Architecture.QWEN3,
        64,
        2,
        4,
        2,
        128,
        600,
        2048,
        GgmlType.F32,
        CHATML_TEMPLATE,
        42);
  }

  /** SmolLM2-135M shape, Q8_0: about 144 MB. */
  public static SyntheticModelSpec smolLm2_135m() {
    return new SyntheticModelSpec(
        "synthetic-smollm2-135m",
        Architecture.LLAMA,
        576,
        30,
        9,
        3,
        1536,
        49152,
        8192,
        GgmlType.Q8_0,
        CHATML_TEMPLATE,
        42);
  }

  /** Qwen2.5-0.5B shape as a llama-architecture model, Q4_0: about 282 MB. */
  public static SyntheticModelSpec qwen25_05b() {
    return new SyntheticModelSpec(
        "synthetic-qwen2.5-0.5b",
        Architecture.LLAMA,
        896,
        24,
        14,
        2,
        4864,
        151936,
        32768,
        GgmlType.Q4_0,
        CHATML_TEMPLATE,
        42);
  }

  public int headDim() {
    return dim / heads;
  }

  public SyntheticModelSpec withSeed(long newSeed) {
    return new SyntheticModelSpec(
        name,
        architecture,
        dim,
        layers,
        heads,
        kvHeads,
        ffn,
        vocabSize,
        contextLength,
        tensorType,
        chatTemplate,
        newSeed);
  }

  public SyntheticModelSpec withTensorType(GgmlType newType) {
    return new SyntheticModelSpec(
        name,
        architecture,
        dim,
        layers,
        heads,
        kvHeads,
        ffn,
        vocabSize,
        contextLength,
        newType,
        chatTemplate,
        seed);
  }

  public SyntheticModelSpec withChatTemplate(String newTemplate) {
    return new SyntheticModelSpec(
        name,
        architecture,
        dim,
        layers,
        heads,
        kvHeads,
        ffn,
        vocabSize,
        contextLength,
        tensorType,
        newTemplate,
        seed);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
