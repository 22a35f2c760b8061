package dev.gaia.cli.bench;

import dev.gaia.knowledge.eval.EvalReport;
import java.util.List;

/**
 * Retrieval quality over the golden questions, and what embedding one question costs.
 *
 * @param documents documents in the sample package
 * @param chunks chunks in the sample package
 * @param modes one report per search mode (vector, bm25, hybrid-rrf)
 * @param embedP50Micros median time to embed one short question (one call, one text)
 * @param embedP99Micros 99th percentile of the same
 * @param embedSamples timed embeddings behind the percentiles
 */
public record RetrievalResult(int documents, int chunks, List<EvalReport> modes, double embedP50Micros,
    double embedP99Micros, int embedSamples) {
  public RetrievalResult {
    modes = List.copyOf(modes);
  }
}
