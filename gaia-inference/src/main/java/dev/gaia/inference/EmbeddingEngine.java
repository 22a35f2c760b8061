package dev.gaia.inference;

import java.util.List;

/**
 * Turns texts into vectors. Thread-safe. Vectors are L2-normalised when {@link #normalized()}.
 */
public interface EmbeddingEngine extends AutoCloseable {
  /** Model id as clients name it, e.g. {@code all-MiniLM-L6-v2}. */
  String modelId();

  int dimension();

  boolean normalized();

  /** One vector per input, in order; {@code tokens} counts the tokens of all inputs. */
  Embeddings embed(List<String> inputs);

  @Override
  void close();

  record Embeddings(List<float[]> vectors, int tokens) {
    public Embeddings {
      vectors = List.copyOf(vectors);
    }
  }
}
