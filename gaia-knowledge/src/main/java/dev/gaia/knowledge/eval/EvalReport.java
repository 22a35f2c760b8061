package dev.gaia.knowledge.eval;

import java.util.List;

/**
 * Retrieval quality of one search mode over a question set.
 *
 * @param mode e.g. {@code vector}, {@code keyword}, {@code hybrid-rrf}
 * @param k the cut-off of recall@k
 * @param recallAtK share of questions with an expected source among the top k documents
 * @param mrr mean reciprocal rank of the first expected source (0 when not in the top results)
 * @param misses the questions whose expected sources were not in the top k
 */
public record EvalReport(String mode, int k, int questions, double recallAtK, double mrr, List<String> misses) {
  public EvalReport {
    misses = List.copyOf(misses);
  }
}
