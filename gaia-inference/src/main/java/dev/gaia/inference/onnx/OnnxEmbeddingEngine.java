package dev.gaia.inference.onnx;

import dev.gaia.inference.EmbeddingEngine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The default embedding model: all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions, mean pooling,
 * L2-normalised), shipped inside its jar and run in-process by ONNX Runtime, so a node embeds
 * offline with no model download. Inputs longer than 256 word pieces are split and averaged by the
 * library.
 */
final class OnnxEmbeddingEngine implements EmbeddingEngine {
  static final String MODEL_ID = "all-MiniLM-L6-v2";

  private final EmbeddingModel model;

  OnnxEmbeddingEngine(Executor executor) {
    this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public boolean normalized() {
    return true;
  }

  @Override
  public Embeddings embed(List<String> inputs) {
    if (inputs.isEmpty()) {
      return new Embeddings(List.of(), 0);
    }
    List<TextSegment> segments = new ArrayList<>(inputs.size());
    for (String input : inputs) {
      segments.add(TextSegment.from(input));
    }
    Response<List<Embedding>> response = model.embedAll(segments);
    List<float[]> vectors = new ArrayList<>(inputs.size());
    for (Embedding e : response.content()) {
      vectors.add(e.vector());
    }
    int tokens =
        response.tokenUsage() == null || response.tokenUsage().inputTokenCount() == null
            ? 0
            : response.tokenUsage().inputTokenCount();
    return new Embeddings(vectors, tokens);
  }

  @Override
  public void close() {
    // ONNX Runtime's session lives as long as the class loader; nothing to free per engine.
  }
}
