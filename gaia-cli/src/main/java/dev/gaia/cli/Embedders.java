package dev.gaia.cli;

import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.inference.llama.LlamaEmbeddingConfig;
import dev.gaia.inference.llama.LlamaEngines;
import dev.gaia.inference.model.CachedModel;
import dev.gaia.inference.model.ModelSource;
import dev.gaia.inference.onnx.OnnxEmbeddings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Opens the embedding model a command names: the bundled all-MiniLM-L6-v2 (empty,
 * {@code default} or its id), or a GGUF embedding model by path or URL, run by llama.cpp.
 */
final class Embedders {
  private Embedders() {}

  static boolean bundled(String spec) {
    return spec == null || spec.isBlank() || spec.equals("default") || spec.equals(OnnxEmbeddings.DEFAULT_MODEL_ID);
  }

  /**
   * @param name the id to serve a GGUF model under (empty: the file name without .gguf)
   * @param pool runs the bundled model's batches
   */
  static EmbeddingEngine open(String spec, String name, int contextSize, int threads, Path modelsDir, Path nativeDir,
      PrintWriter err, ExecutorService pool) {
    if (bundled(spec)) {
      return OnnxEmbeddings.allMiniLmL6V2(pool);
    }
    CachedModel model = new ModelFetcher(modelsDir, err).pull(ModelSource.parse(spec), Optional.empty(), System.console() != null);
    LlamaEngines.useNativeFolder(nativeDir);
    GgufFile.read(model.path()); // a clear error for a file that is not GGUF
    String id = name == null || name.isBlank() ? model.fileName().replaceFirst("(?i)\\.gguf$", "") : name;
    return LlamaEngines.jniEmbedding(new LlamaEmbeddingConfig(model.path(), id, contextSize, contextSize, contextSize, threads));
  }
}
