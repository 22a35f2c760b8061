package dev.gaia.knowledge.index;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Seeded test and benchmark data. Uniform unit vectors are the hard case for HNSW (no structure);
 * a gaussian mixture looks more like sentence embeddings, which crowd into topics.
 */
final class SyntheticVectors {
  private SyntheticVectors() {}

  /** {@code n} unit vectors uniform on the sphere (normalised gaussians). */
  static List<float[]> uniform(int n, int dim, RandomGenerator random) {
    List<float[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Vectors.unit(gaussian(dim, 1, random)));
    }
    return out;
  }

  /** Unit centres for a mixture; draw points around them with {@link #around}. */
  static List<float[]> centres(int clusters, int dim, RandomGenerator random) {
    return uniform(clusters, dim, random);
  }

  /**
   * {@code n} unit vectors, each a random centre plus gaussian noise of total length about
   * {@code spread} (1.0 puts points at cosine ≈ 0.7 to their centre), normalised.
   */
  static List<float[]> around(List<float[]> centres, int n, double spread, RandomGenerator random) {
    int dim = centres.getFirst().length;
    List<float[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] c = centres.get(random.nextInt(centres.size()));
      float[] v = gaussian(dim, spread / Math.sqrt(dim), random);
      for (int d = 0; d < dim; d++) {
        v[d] += c[d];
      }
      out.add(Vectors.unit(v));
    }
    return out;
  }

  private static float[] gaussian(int dim, double sigma, RandomGenerator random) {
    float[] v = new float[dim];
    for (int d = 0; d < dim; d++) {
      v[d] = (float) (random.nextGaussian() * sigma);
    }
    return v;
  }
}
