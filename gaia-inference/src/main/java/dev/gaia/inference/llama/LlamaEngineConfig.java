package dev.gaia.inference.llama;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to load a GGUF chat model into llama.cpp.
 *
 * @param modelFile the GGUF file
 * @param modelId the name clients use in the {@code model} field
 * @param sha256 hex SHA-256 of the file when known (reported by {@code /v1/info})
 * @param architecture GGUF {@code general.architecture}
 * @param contextPerSlot tokens of context each parallel request gets; llama.cpp's total context
 *     is this times {@code parallel}
 * @param parallel concurrent generations (llama.cpp slots, continuous batching between them)
 * @param threads CPU threads for generation and prompt processing
 * @param batchSize logical batch for prompt processing ({@code chat_batch_size})
 * @param ubatchSize physical micro-batch ({@code chat_ubatch_size})
 * @param chatTemplate a llama.cpp built-in template name or a Jinja template overriding the
 *     GGUF's own {@code tokenizer.chat_template}; empty to use the GGUF's
 */
public record LlamaEngineConfig(
    Path modelFile,
    String modelId,
    String sha256,
    String architecture,
    int contextPerSlot,
    int parallel,
    int threads,
    int batchSize,
    int ubatchSize,
    Optional<String> chatTemplate) {

  public LlamaEngineConfig {
    Objects.requireNonNull(modelFile, "modelFile");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(chatTemplate, "chatTemplate");
    if (!Files.isRegularFile(modelFile)) {
      throw new IllegalArgumentException("model file not found: " + modelFile);
    }
    if (contextPerSlot < 16) {
      throw new IllegalArgumentException("context per slot must be >= 16, was " + contextPerSlot);
    }
    if (parallel < 1 || parallel > 64) {
      throw new IllegalArgumentException("parallel must be in [1, 64], was " + parallel);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    if (batchSize < 1 || ubatchSize < 1 || ubatchSize > batchSize) {
      throw new IllegalArgumentException(
          "need 1 <= ubatch (" + ubatchSize + ") <= batch (" + batchSize + ")");
    }
  }
}
