package dev.gaia.knowledge.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.util.VectorUtil;

/**
 * Brute-force cosine search: the oracle that HNSW results are measured against, and a fallback
 * for tiny knowledge bases. Cost is one dot product per vector per query. Immutable and
 * thread-safe after construction.
 */
public final class ExactVectorSearch {
  private final float[][] units;

  /** Copies and L2-normalises {@code vectors}; ordinals are positions in this list. */
  public ExactVectorSearch(List<float[]> vectors) {
    units = new float[vectors.size()][];
    for (int i = 0; i < units.length; i++) {
      units[i] = Vectors.unit(vectors.get(i));
    }
  }

  public int size() {
    return units.length;
  }

  /** The {@code k} vectors with the highest cosine to {@code query}, best first; ties by ordinal. */
  public List<Neighbor> search(float[] query, int k) {
    float[] q = Vectors.unit(query);
    Comparator<Neighbor> worstFirst =
        Comparator.comparingDouble(Neighbor::cosine).thenComparing(Neighbor::ordinal, Comparator.reverseOrder());
    PriorityQueue<Neighbor> heap = new PriorityQueue<>(k + 1, worstFirst);
    for (int i = 0; i < units.length; i++) {
      if (units[i].length != q.length) {
        throw new IllegalArgumentException("query has " + q.length + " dimensions, vectors " + units[i].length);
      }
      float cosine = VectorUtil.dotProduct(q, units[i]);
      if (heap.size() < k) {
        heap.add(new Neighbor(i, cosine));
      } else if (cosine > heap.peek().cosine()) {
        heap.poll();
        heap.add(new Neighbor(i, cosine));
      }
    }
    List<Neighbor> best = new ArrayList<>(heap);
    best.sort(worstFirst.reversed());
    return best;
  }

  /** A vector's position in the searched list and its raw cosine to the query, in [-1, 1]. */
  public record Neighbor(int ordinal, float cosine) {}
}
