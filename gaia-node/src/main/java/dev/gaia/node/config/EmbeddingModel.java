package dev.gaia.node.config;

import java.util.Optional;

/**
 * The embedding model for knowledge retrieval, in Gaia's terms.
 *
 * @param source a GGUF embedding model run through llama.cpp ({@code embedding}); empty (written
 *     as {@code ""}, {@code "default"} also reads as empty) means the in-process ONNX
 *     all-MiniLM-L6-v2, which needs no download
 * @param name the model id reported to clients ({@code embedding_name}); empty means derive it
 * @param ctxSize context length in tokens ({@code embedding_ctx_size})
 * @param batchSize logical batch in tokens ({@code embedding_batch_size})
 * @param ubatchSize physical batch in tokens ({@code embedding_ubatch_size})
 */
public record EmbeddingModel(
    Optional<ResourceRef> source, String name, int ctxSize, int batchSize, int ubatchSize) {

  /** The id of the in-process ONNX model used when {@code source} is empty. */
  public static final String BUILT_IN_ID = "all-MiniLM-L6-v2";

  public EmbeddingModel {
    Check.present(Keys.EMBEDDING, source);
    Check.present(Keys.EMBEDDING_NAME, name);
    Check.positive(Keys.EMBEDDING_CTX_SIZE, ctxSize);
    Check.positive(Keys.EMBEDDING_BATCH_SIZE, batchSize);
    Check.positive(Keys.EMBEDDING_UBATCH_SIZE, ubatchSize);
  }

  /** Whether embeddings come from the in-process ONNX model rather than a GGUF. */
  public boolean builtIn() {
    return source.isEmpty();
  }

  /** {@code embedding_name}, else the GGUF's base name, else {@link #BUILT_IN_ID}. */
  public String modelId() {
    if (!name.isBlank()) {
      return name;
    }
    return source.map(ChatModel::baseName).orElse(BUILT_IN_ID);
  }
}
