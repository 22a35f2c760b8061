package dev.gaia.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gaia.inference.gguf.GgmlType;
import dev.gaia.inference.gguf.GgufFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticModelsTest {
  private static final double MB = 1e6;

  @TempDir Path dir;

  @Test
  void same_spec_gives_the_same_bytes() throws Exception {
    for (GgmlType type : new GgmlType[] {GgmlType.F32, GgmlType.Q8_0, GgmlType.Q4_0}) {
      SyntheticModelSpec spec = SyntheticModelSpec.tiny().withTensorType(type);
      Path a = SyntheticModels.write(spec, dir.resolve("a-" + type + ".gguf"));
      Path b = SyntheticModels.write(spec, dir.resolve("b-" + type + ".gguf"));

      assertThat(sha256(a)).as(type.toString()).isEqualTo(sha256(b));
      assertThat(Files.size(a)).isEqualTo(SyntheticModels.fileSize(spec));
    }
  }

  @Test
  void another_seed_gives_other_weights_of_the_same_size() throws Exception {
    SyntheticModelSpec spec = SyntheticModelSpec.tiny();
    Path a = SyntheticModels.write(spec, dir.resolve("a.gguf"));
    Path b = SyntheticModels.write(spec.withSeed(7), dir.resolve("b.gguf"));

    assertThat(sha256(a)).isNotEqualTo(sha256(b));
    assertThat(Files.size(a)).isEqualTo(Files.size(b));
  }

  @Test
  void preset_sizes_match_the_real_models() {
    assertThat(SyntheticModels.fileSize(SyntheticModelSpec.tiny()) / MB).isBetween(0.3, 1.2);
    assertThat(SyntheticModels.fileSize(SyntheticModelSpec.smolLm2_135m()) / MB)
        .isCloseTo(144, within(3.0));
    assertThat(SyntheticModels.fileSize(SyntheticModelSpec.qwen25_05b()) / MB)
        .isCloseTo(282, within(5.0));
  }

  @Test
  void cached_writes_once_per_spec() throws Exception {
    SyntheticModelSpec spec = SyntheticModelSpec.tiny();
    Path first = SyntheticModels.cached(spec, dir);
    FileTime written = Files.getLastModifiedTime(first);
    Files.setLastModifiedTime(first, FileTime.fromMillis(written.toMillis() - 60_000));
    FileTime aged = Files.getLastModifiedTime(first);

    Path again = SyntheticModels.cached(spec, dir);
    Path other = SyntheticModels.cached(spec.withSeed(1), dir);

    assertThat(again).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(again)).isEqualTo(aged);
    assertThat(other).isNotEqualTo(first);
    assertThat(first.getFileName().toString()).matches("synthetic-tiny-f32-[0-9a-f]{16}\\.gguf");
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(2); // no temporary files left behind
    }
  }

  @Test
  void vocabulary_is_unique_and_starts_with_specials_and_bytes() {
    SyntheticVocabulary vocab = SyntheticVocabulary.of(151_936);

    assertThat(new HashSet<>(vocab.tokens())).hasSize(151_936);
    assertThat(vocab.tokens().subList(0, 6))
        .containsExactly("<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>", "<0x00>");
    assertThat(vocab.tokens().get(SyntheticVocabulary.FIRST_NORMAL_ID - 1)).isEqualTo("<0xFF>");
    assertThat(vocab.tokens()).contains("▁hello", "▁hel", "▁world");
    assertThat(SyntheticVocabulary.of(600).tokens()).contains("▁hello", "▁world", "▁the");
  }

  @Test
  void chatml_template_is_one_line_with_jinja_newline_escapes() {
    assertThat(SyntheticModelSpec.CHATML_TEMPLATE)
        .doesNotContain("\n")
        .startsWith("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n'")
        .endsWith("{{ '<|im_start|>assistant\\n' }}{% endif %}");
  }

  @Test
  void qwen3_variant_has_per_head_query_and_key_norms() {
    SyntheticModelSpec spec = SyntheticModelSpec.tinyQwen3();
    GgufFile gguf = GgufFile.read(SyntheticModels.write(spec, dir.resolve("qwen3.gguf")));

    assertThat(gguf.architecture()).isEqualTo("qwen3");
    assertThat(gguf.blockCount()).isEqualTo(2);
    assertThat(gguf.integer("qwen3.attention.key_length")).hasValue(16);
    assertThat(gguf.tensor("blk.1.attn_q_norm.weight").orElseThrow().dims()).containsExactly(16L);
    assertThat(gguf.tensor("blk.1.attn_k_norm.weight").orElseThrow().dims()).containsExactly(16L);
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
