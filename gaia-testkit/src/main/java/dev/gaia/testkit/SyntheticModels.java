package dev.gaia.testkit;

import dev.gaia.inference.gguf.GgmlType;
import dev.gaia.inference.gguf.GgufValue;
import dev.gaia.protocol.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes synthetic GGUF models that llama.cpp loads and runs: the metadata a llama-architecture
 * model needs, a {@link SyntheticVocabulary} with a ChatML template, and random weights from {@link
 * SyntheticModelSpec#seed()}. The same spec always gives the same bytes.
 *
 * <p>Generation stops at {@code <|im_end|>}: llama.cpp ends generation on any end-of-generation
 * token, and both {@code </s>} ({@code eos_token_id}) and {@code <|im_end|>} ({@code eot_token_id})
 * are.
 */
public final class SyntheticModels {
  /** Part of the cache key: bump it whenever the bytes written for a spec change. */
  static final int GENERATOR_VERSION = 1;

  private SyntheticModels() {}

  /** Writes {@code spec} to {@code file} atomically (temporary file beside it, then rename). */
  public static Path write(SyntheticModelSpec spec, Path file) {
    Path target = file.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        writer(spec).write(tmp);
        AtomicFiles.move(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

  /**
   * The model for {@code spec} in {@code dir}, written on first use. The file name carries a hash
   * of the spec and the generator version, so a changed spec never reuses a stale file. Safe across
   * processes: concurrent writers produce identical bytes and rename atomically.
   */
  public static Path cached(SyntheticModelSpec spec, Path dir) {
    Path target = dir.toAbsolutePath().resolve(fileName(spec));
    try {
      if (Files.isRegularFile(target) && Files.size(target) == fileSize(spec)) {
        return target;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + target + ": " + e.getMessage(), e);
    }
    return write(spec, target);
  }

  /** Exact size of the file {@link #write} produces, computed without generating weights. */
  public static long fileSize(SyntheticModelSpec spec) {
    return writer(spec).fileSize();
  }

  /** E.g. {@code synthetic-tiny-f32-0123456789abcdef.gguf}. */
  public static String fileName(SyntheticModelSpec spec) {
    String base = spec.name().replaceAll("[^A-Za-z0-9._-]", "_");
    String key = GENERATOR_VERSION + "\n" + spec;
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return base
          + "-"
          + spec.tensorType().name().toLowerCase(java.util.Locale.ROOT)
          + "-"
          + HexFormat.of().formatHex(hash, 0, 8)
          + ".gguf";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /**
   * A writer holding the whole model, for callers that add or inspect metadata before writing.
   * Weights are produced only when it writes.
   */
  public static GgufWriter writer(SyntheticModelSpec spec) {
    GgufWriter w = new GgufWriter();
    metadata(spec, w);
    tensors(spec, w);
    return w;
  }

  private static void metadata(SyntheticModelSpec spec, GgufWriter w) {
    String arch = spec.architecture().ggufName();
    w.putString("general.architecture", arch)
        .putString("general.name", spec.name())
        .putUInt32("general.file_type", fileType(spec.tensorType()))
        .putUInt32("general.quantization_version", 2)
        .putUInt32(arch + ".vocab_size", spec.vocabSize())
        .putUInt32(arch + ".context_length", spec.contextLength())
        .putUInt32(arch + ".embedding_length", spec.dim())
        .putUInt32(arch + ".block_count", spec.layers())
        .putUInt32(arch + ".feed_forward_length", spec.ffn())
        .putUInt32(arch + ".attention.head_count", spec.heads())
        .putUInt32(arch + ".attention.head_count_kv", spec.kvHeads())
        .putFloat32(arch + ".attention.layer_norm_rms_epsilon", 1e-5f)
        .putUInt32(arch + ".rope.dimension_count", spec.headDim())
        .putFloat32(arch + ".rope.freq_base", 10_000f);
    if (spec.architecture() == SyntheticModelSpec.Architecture.QWEN3) {
      w.putUInt32(arch + ".attention.key_length", spec.headDim())
          .putUInt32(arch + ".attention.value_length", spec.headDim());
    }
    SyntheticVocabulary vocab = SyntheticVocabulary.of(spec.vocabSize());
    w.putString("tokenizer.ggml.model", "llama")
        .put("tokenizer.ggml.tokens", GgufValue.strings(vocab.tokens()))
        .put("tokenizer.ggml.scores", vocab.scores())
        .put("tokenizer.ggml.token_type", vocab.types())
        .putUInt32("tokenizer.ggml.unknown_token_id", SyntheticVocabulary.UNK_ID)
        .putUInt32("tokenizer.ggml.bos_token_id", SyntheticVocabulary.BOS_ID)
        .putUInt32("tokenizer.ggml.eos_token_id", SyntheticVocabulary.EOS_ID)
        .putUInt32("tokenizer.ggml.eot_token_id", SyntheticVocabulary.IM_END_ID)
        .putBool("tokenizer.ggml.add_bos_token", true)
        .putBool("tokenizer.ggml.add_eos_token", false)
        .putBool("tokenizer.ggml.add_space_prefix", true);
    if (!spec.chatTemplate().isEmpty()) {
      w.putString("tokenizer.chat_template", spec.chatTemplate());
    }
  }

  /** llama.cpp {@code llama_ftype}. */
  private static int fileType(GgmlType type) {
    return switch (type) {
      case F32 -> 0;
      case F16 -> 1;
      case Q4_0 -> 2;
      case Q8_0 -> 7;
      default -> throw new IllegalArgumentException("no file type for " + type);
    };
  }

  /** Shapes as in the GGUF reference: {@code [in, out]}, innermost first; tied embeddings. */
  private static void tensors(SyntheticModelSpec spec, GgufWriter w) {
    long dim = spec.dim();
    long qDim = (long) spec.heads() * spec.headDim();
    long kvDim = (long) spec.kvHeads() * spec.headDim();
    long ffn = spec.ffn();
    // One seed per matrix, drawn in file order, so each matrix can be generated on its own.
    SplittableRandom seeds = new SplittableRandom(spec.seed());
    GgmlType t = spec.tensorType();

    matrix(w, seeds, "token_embd.weight", t, dim, spec.vocabSize());
    for (int layer = 0; layer < spec.layers(); layer++) {
      String p = "blk." + layer + ".";
      norm(w, p + "attn_norm.weight", dim);
      matrix(w, seeds, p + "attn_q.weight", t, dim, qDim);
      matrix(w, seeds, p + "attn_k.weight", t, dim, kvDim);
      matrix(w, seeds, p + "attn_v.weight", t, dim, kvDim);
      matrix(w, seeds, p + "attn_output.weight", t, qDim, dim);
      if (spec.architecture() == SyntheticModelSpec.Architecture.QWEN3) {
        norm(w, p + "attn_q_norm.weight", spec.headDim());
        norm(w, p + "attn_k_norm.weight", spec.headDim());
      }
      norm(w, p + "ffn_norm.weight", dim);
      matrix(w, seeds, p + "ffn_gate.weight", t, dim, ffn);
      matrix(w, seeds, p + "ffn_up.weight", t, dim, ffn);
      matrix(w, seeds, p + "ffn_down.weight", t, ffn, dim);
    }
    norm(w, "output_norm.weight", dim);
  }

  private static void matrix(
      GgufWriter w, SplittableRandom seeds, String name, GgmlType type, long in, long out) {
    long seed = seeds.nextLong();
    w.addTensor(name, type, List.of(in, out), SyntheticWeights.random(type, in * out, seed));
  }

  private static void norm(GgufWriter w, String name, long n) {
    w.addTensor(name, GgmlType.F32, List.of(n), SyntheticWeights.ones(n));
  }
}
