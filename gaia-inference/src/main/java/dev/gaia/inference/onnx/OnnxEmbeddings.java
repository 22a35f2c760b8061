package dev.gaia.inference.onnx;

import dev.gaia.inference.EmbeddingEngine;
import java.util.concurrent.Executor;

/** Factory for the bundled in-process embedding models. */
public final class OnnxEmbeddings {
  private OnnxEmbeddings() {}

  /** The id of the default model, as clients name it in {@code /v1/embeddings}. */
  public static final String DEFAULT_MODEL_ID = OnnxEmbeddingEngine.MODEL_ID;

  /**
   * Loads all-MiniLM-L6-v2. {@code executor} runs the batches of large requests in parallel; pass
   * a bounded pool (the CPU is shared with the LLM).
   */
  public static EmbeddingEngine allMiniLmL6V2(Executor executor) {
    return new OnnxEmbeddingEngine(executor);
  }
}
