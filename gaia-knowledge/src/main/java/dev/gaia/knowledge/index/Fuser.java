package dev.gaia.knowledge.index;

import dev.gaia.knowledge.Fusion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Turns the two retrievers' candidate lists into ranked results, without touching Lucene.
 *
 * <p>{@code score} of every result is what {@link dev.gaia.knowledge.Hit#score()} reports and the
 * threshold is applied to (before the limit, so a threshold never empties a page that later
 * candidates would fill):
 *
 * <ul>
 *   <li>VectorOnly: raw cosine clipped to [0, 1], as Qdrant (and so Gaia's
 *       {@code qdrant_score_threshold}) reports it.
 *   <li>KeywordOnly: BM25 divided by the query's best BM25, so the best hit scores 1.
 *   <li>ReciprocalRank and Weighted: the chunk's cosine clipped to [0, 1] (computed exactly for
 *       chunks only BM25 found); the order comes from the fused value. A negative cosine clips to
 *       0, so with threshold 0 keyword-only hits always survive.
 * </ul>
 *
 * RRF sums {@code 1 / (k + rank)} over the lists a chunk appears in. Weighted sums {@code w *
 * cosine + (1 - w) * bm25 / best}, where a chunk outside the keyword candidates counts BM25 0 (its
 * true BM25 is below the last candidate's). Ties go to the better rank in the list that weighs
 * more (the vector list for RRF and for w ≥ 0.5), then to the lower document number.
 */
final class Fuser {
  private Fuser() {}

  /** A retriever's result: a document and its raw score (cosine for vectors, BM25 for keywords). */
  record Candidate(int doc, double score) {}

  /** A ranked result; ranks are 1-based, 0 when the list did not return the document. */
  record Fused(int doc, double score, double fused, int vectorRank, int keywordRank) {}

  /**
   * @param vector vector candidates, best first, raw cosine
   * @param keyword BM25 candidates, best first
   * @param cosineOf exact raw cosine of a document to the query, for keyword-only candidates
   */
  static List<Fused> fuse(
      Fusion fusion,
      List<Candidate> vector,
      List<Candidate> keyword,
      IntToDoubleFunction cosineOf,
      int limit,
      double threshold) {
    List<Fused> ranked = switch (fusion) {
      case Fusion.VectorOnly v -> vectorOnly(vector);
      case Fusion.KeywordOnly k -> keywordOnly(keyword);
      case Fusion.ReciprocalRank rrf -> combine(
          head(vector, rrf.candidates()), head(keyword, rrf.candidates()), cosineOf,
          (cos, v, bm25, best, k) -> reciprocal(rrf.k(), v) + reciprocal(rrf.k(), k), true);
      case Fusion.Weighted w -> combine(
          head(vector, w.candidates()), head(keyword, w.candidates()), cosineOf,
          (cos, v, bm25, best, k) -> w.vectorWeight() * cos + (1 - w.vectorWeight()) * (best > 0 ? bm25 / best : 0),
          w.vectorWeight() >= 0.5);
    };
    List<Fused> out = new ArrayList<>(Math.min(limit, ranked.size()));
    for (Fused f : ranked) {
      if (out.size() == limit) {
        break;
      }
      if (f.score() >= threshold) {
        out.add(f);
      }
    }
    return out;
  }

  private static List<Fused> vectorOnly(List<Candidate> vector) {
    List<Fused> out = new ArrayList<>(vector.size());
    for (int i = 0; i < vector.size(); i++) {
      Candidate c = vector.get(i);
      double score = Vectors.clippedCosine(c.score());
      out.add(new Fused(c.doc(), score, c.score(), i + 1, 0));
    }
    return out;
  }

  private static List<Fused> keywordOnly(List<Candidate> keyword) {
    List<Fused> out = new ArrayList<>(keyword.size());
    double best = keyword.isEmpty() ? 0 : keyword.getFirst().score();
    for (int i = 0; i < keyword.size(); i++) {
      Candidate c = keyword.get(i);
      double score = best > 0 ? c.score() / best : 0;
      out.add(new Fused(c.doc(), score, score, 0, i + 1));
    }
    return out;
  }

  private interface Formula {
    /** {@code cos} raw cosine; ranks 0 when absent; {@code bm25} 0 when absent. */
    double apply(double cos, int vectorRank, double bm25, double bestBm25, int keywordRank);
  }

  private static List<Fused> combine(
      List<Candidate> vector, List<Candidate> keyword, IntToDoubleFunction cosineOf, Formula formula,
      boolean vectorFirst) {
    record Evidence(double cosine, int vectorRank, double bm25, int keywordRank) {}
    Map<Integer, Evidence> byDoc = new LinkedHashMap<>();
    for (int i = 0; i < vector.size(); i++) {
      byDoc.put(vector.get(i).doc(), new Evidence(vector.get(i).score(), i + 1, 0, 0));
    }
    for (int i = 0; i < keyword.size(); i++) {
      Candidate c = keyword.get(i);
      Evidence seen = byDoc.get(c.doc());
      double cosine = seen != null ? seen.cosine() : cosineOf.applyAsDouble(c.doc());
      byDoc.put(c.doc(), new Evidence(cosine, seen == null ? 0 : seen.vectorRank(), c.score(), i + 1));
    }
    double best = keyword.isEmpty() ? 0 : keyword.getFirst().score();
    List<Fused> out = new ArrayList<>(byDoc.size());
    byDoc.forEach((doc, e) -> out.add(new Fused(
        doc, Vectors.clippedCosine(e.cosine()),
        formula.apply(e.cosine(), e.vectorRank(), e.bm25(), best, e.keywordRank()),
        e.vectorRank(), e.keywordRank())));
    Comparator<Fused> byVector = Comparator.comparingInt(f -> absentLast(f.vectorRank()));
    Comparator<Fused> byKeyword = Comparator.comparingInt(f -> absentLast(f.keywordRank()));
    out.sort(Comparator.comparingDouble(Fused::fused).reversed()
        .thenComparing(vectorFirst ? byVector.thenComparing(byKeyword) : byKeyword.thenComparing(byVector))
        .thenComparingInt(Fused::doc));
    return out;
  }

  private static int absentLast(int rank) {
    return rank == 0 ? Integer.MAX_VALUE : rank;
  }

  private static double reciprocal(int k, int rank) {
    return rank == 0 ? 0 : 1.0 / (k + rank);
  }

  private static List<Candidate> head(List<Candidate> list, int n) {
    return list.size() <= n ? list : list.subList(0, n);
  }
}
