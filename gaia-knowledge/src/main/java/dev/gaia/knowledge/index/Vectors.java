package dev.gaia.knowledge.index;

import java.util.List;
import org.apache.lucene.util.VectorUtil;

/** Vector checks and normalisation shared by the index and the exact oracle. */
final class Vectors {
  private Vectors() {}

  /** A unit-length copy of {@code v}; refuses the zero vector, which has no direction. */
  static float[] unit(float[] v) {
    float[] copy = v.clone();
    double norm = Math.sqrt(VectorUtil.dotProduct(copy, copy));
    if (norm == 0 || !Double.isFinite(norm)) {
      throw new IllegalArgumentException("vector has no direction (zero or non-finite norm)");
    }
    for (int i = 0; i < copy.length; i++) {
      copy[i] = (float) (copy[i] / norm);
    }
    return copy;
  }

  /** Throws unless every vector has {@code dimension} components. */
  static void requireDimension(List<float[]> vectors, int dimension) {
    for (int i = 0; i < vectors.size(); i++) {
      if (vectors.get(i).length != dimension) {
        throw new IllegalArgumentException(
            "vector " + i + " has " + vectors.get(i).length + " dimensions, expected " + dimension);
      }
    }
  }

  /** Raw cosine of two unit vectors clipped to [0, 1]: {@link dev.gaia.knowledge.Hit#score()}. */
  static double clippedCosine(double cosine) {
    return Math.max(0, Math.min(1, cosine));
  }
}
