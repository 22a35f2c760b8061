package dev.gaia.testkit;

import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.inference.llama.LlamaEngineConfig;
import dev.gaia.inference.llama.LlamaEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JNI llama.cpp engine (de.kherud:llama, b4916) against the engine contract. */
class LlamaJniEngineContractTest extends ChatEngineContract {
  static ChatEngine engine;

  @BeforeAll
  static void load() throws Exception {
    Path dir = Files.createTempDirectory("jni-contract");
    LlamaEngines.useNativeFolder(dir.resolve("native"));
    Path model = SyntheticModels.write(SyntheticModelSpec.tiny(), dir.resolve("tiny.gguf"));
    engine = LlamaEngines.jni(new LlamaEngineConfig(
        model, "tiny", null, GgufFile.read(model).architecture(), 256, 2, 2, 256, 256, Optional.empty()));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Override
  protected ChatEngine engine() {
    return engine;
  }
}
