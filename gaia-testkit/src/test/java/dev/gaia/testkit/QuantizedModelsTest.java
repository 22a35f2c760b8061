package dev.gaia.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.inference.gguf.GgmlType;
import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.inference.llama.LlamaEngineConfig;
import dev.gaia.inference.llama.LlamaEngines;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Q4_0 model (read into memory, not mapped: see MemoryMapping) loads and generates. */
class QuantizedModelsTest {
  @Test
  void a_q4_0_model_loads_and_generates(@TempDir Path dir) {
    LlamaEngines.useNativeFolder(dir.resolve("native"));
    Path model = SyntheticModels.write(SyntheticModelSpec.tiny().withTensorType(GgmlType.Q4_0), dir.resolve("q4.gguf"));
    try (var engine = LlamaEngines.jni(new LlamaEngineConfig(
        model, "q4", null, GgufFile.read(model).architecture(), 128, 1, 2, 128, 128, Optional.empty()))) {
      var result = engine.generate(new dev.gaia.inference.GenerationRequest("hello", 3,
          dev.gaia.inference.SamplingParams.greedy(), java.util.List.of(), Optional.empty(), -1),
          dev.gaia.inference.TokenSink.DISCARD, new dev.gaia.inference.Cancellation());
      assertThat(result.completionTokens()).isEqualTo(3);
    }
  }
}
