package dev.gaia.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.inference.llama.LlamaEmbeddingConfig;
import dev.gaia.inference.llama.LlamaEngines;
import dev.gaia.protocol.GaiaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GGUF embedding models through llama.cpp (how Gaia nodes run nomic-embed-text). */
class LlamaJniEmbeddingEngineTest {
  static EmbeddingEngine engine;

  @BeforeAll
  static void load() throws Exception {
    Path dir = Files.createTempDirectory("jni-embed");
    LlamaEngines.useNativeFolder(dir.resolve("native"));
    Path model = SyntheticModels.write(SyntheticModelSpec.tiny(), dir.resolve("tiny.gguf"));
    engine = LlamaEngines.jniEmbedding(new LlamaEmbeddingConfig(model, "tiny-embed", 128, 128, 128, 2));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void vectors_have_the_model_width_and_unit_length() {
    assertThat(engine.dimension()).isEqualTo(SyntheticModelSpec.tiny().dim());
    EmbeddingEngine.Embeddings e = engine.embed(List.of("hello world", "the sea"));
    assertThat(e.vectors()).hasSize(2);
    for (float[] v : e.vectors()) {
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      assertThat(Math.sqrt(norm)).isBetween(0.999, 1.001);
    }
    assertThat(e.tokens()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void same_text_same_vector_different_text_different_vector() {
    float[] a = engine.embed(List.of("hello world")).vectors().getFirst();
    float[] b = engine.embed(List.of("hello world")).vectors().getFirst();
    float[] c = engine.embed(List.of("green apples")).vectors().getFirst();
    assertThat(b).containsExactly(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void an_input_longer_than_the_context_is_refused() {
    assertThatThrownBy(() -> engine.embed(List.of("hello world ".repeat(200))))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("128");
  }
}
