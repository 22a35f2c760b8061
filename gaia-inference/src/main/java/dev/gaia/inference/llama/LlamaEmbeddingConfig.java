package dev.gaia.inference.llama;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to load a GGUF embedding model (e.g. nomic-embed-text-v1.5, Gaia's usual one) into
 * llama.cpp. Pooling follows the GGUF's {@code <arch>.pooling_type}; llama.cpp falls back to mean.
 *
 * @param contextSize tokens per input; longer inputs are an error
 * @param batchSize raised to {@code contextSize} when smaller: llama.cpp embeds a whole input in
 *     one batch
 */
public record LlamaEmbeddingConfig(
    Path modelFile, String modelId, int contextSize, int batchSize, int ubatchSize, int threads) {
  public LlamaEmbeddingConfig {
    Objects.requireNonNull(modelFile, "modelFile");
    Objects.requireNonNull(modelId, "modelId");
    if (!Files.isRegularFile(modelFile)) {
      throw new IllegalArgumentException("embedding model file not found: " + modelFile);
    }
    if (contextSize < 8 || batchSize < 1 || ubatchSize < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "need context >= 8, batch >= 1, ubatch >= 1, threads >= 1; got "
              + contextSize + "/" + batchSize + "/" + ubatchSize + "/" + threads);
    }
  }
}
