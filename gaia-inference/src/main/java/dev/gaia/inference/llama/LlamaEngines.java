package dev.gaia.inference.llama;

import dev.gaia.inference.ChatEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Factories for llama.cpp-backed engines. */
public final class LlamaEngines {
  private LlamaEngines() {}

  /**
   * Loads a model with the JNI binding {@code de.kherud:llama} (llama.cpp b4916). Blocks until the
   * model is in memory and warmed up.
   *
   * @throws dev.gaia.protocol.GaiaException when llama.cpp cannot load the file
   */
  public static ChatEngine jni(LlamaEngineConfig config) {
    return LlamaJniEngine.load(config);
  }

  /**
   * Loads a GGUF embedding model with the JNI binding.
   *
   * @throws dev.gaia.protocol.GaiaException when llama.cpp cannot load the file
   */
  public static dev.gaia.inference.EmbeddingEngine jniEmbedding(LlamaEmbeddingConfig config) {
    return LlamaJniEmbeddingEngine.load(config);
  }

  /**
   * Points the JNI binding at a private folder for its native library, so that concurrent
   * processes never overwrite each other's extracted {@code libjllama.so}. Must run before the
   * first engine is loaded in this JVM; the binding only reads a system property, so this is the
   * one place that sets it.
   */
  public static void useNativeFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("de.kherud.llama.tmpdir", folder.toAbsolutePath().toString());
  }
}
