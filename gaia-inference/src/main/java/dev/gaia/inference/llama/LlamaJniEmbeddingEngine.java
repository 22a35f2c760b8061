package dev.gaia.inference.llama;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.PoolingType;
import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EmbeddingEngine} on a GGUF embedding model through the JNI binding. Vectors are
 * L2-normalised here (llama.cpp's pooled output is not guaranteed to be), so cosine similarity is
 * a dot product as with the ONNX model. Pooling is the GGUF's own ({@code <arch>.pooling_type}),
 * the last token's when it names none. Inputs run one at a time in llama.cpp's server loop.
 */
final class LlamaJniEmbeddingEngine implements EmbeddingEngine {
  private final LlamaEmbeddingConfig config;
  private final LlamaModel model;
  private final int dimension;

  private LlamaJniEmbeddingEngine(LlamaEmbeddingConfig config, LlamaModel model, int dimension) {
    this.config = config;
    this.model = model;
    this.dimension = dimension;
  }

  static LlamaJniEmbeddingEngine load(LlamaEmbeddingConfig config) {
    ModelParameters params =
        new ModelParameters()
            .setModel(config.modelFile().toString())
            .enableEmbedding()
            .setCtxSize(config.contextSize())
            .setBatchSize(Math.max(config.batchSize(), config.contextSize()))
            .setUbatchSize(Math.max(config.ubatchSize(), config.contextSize()))
            .setThreads(config.threads())
            .setThreadsBatch(config.threads())
            .disableLog();
    GgufFile gguf = GgufFile.read(config.modelFile());
    if (gguf.integer(gguf.architecture() + ".pooling_type").isEmpty()) {
      // A model without a pooling type (a decoder used for embeddings) would return the first
      // token's vector, the same for every input. Take the last token's, as decoder embedders
      // do; mean pooling over a causal model aborts the process in llama.cpp b4916.
      params.setPoolingType(PoolingType.LAST);
    }
    LlamaModel model;
    try {
      model = new LlamaModel(params);
    } catch (RuntimeException e) {
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST,
          "llama.cpp could not load the embedding model " + config.modelFile() + ": " + e.getMessage(),
          "embedding", "model_load_failed", null, e);
    }
    float[] probe = model.embed("dimension probe");
    return new LlamaJniEmbeddingEngine(config, model, probe.length);
  }

  @Override
  public String modelId() {
    return config.modelId();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public boolean normalized() {
    return true;
  }

  @Override
  public Embeddings embed(List<String> inputs) {
    List<float[]> vectors = new ArrayList<>(inputs.size());
    int tokens = 0;
    for (String input : inputs) {
      int n = model.encode(input).length;
      if (n + 2 > config.contextSize()) {
        throw new GaiaException(
            ErrorKind.CONTEXT_OVERFLOW,
            "An input has " + n + " tokens; the embedding model's context is " + config.contextSize() + " tokens.",
            "input", "context_length_exceeded");
      }
      tokens += n;
      float[] v;
      try {
        v = model.embed(input);
      } catch (RuntimeException e) {
        throw new GaiaException(ErrorKind.INTERNAL, "embedding failed: " + e.getMessage(), "input", "engine_error", null, e);
      }
      vectors.add(normalise(v));
    }
    return new Embeddings(vectors, tokens);
  }

  static float[] normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum == 0) {
      return v;
    }
    float inv = (float) (1 / Math.sqrt(sum));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
