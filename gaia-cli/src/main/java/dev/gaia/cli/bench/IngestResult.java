package dev.gaia.cli.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The full build against the raw embedder on the same chunk texts, over interleaved pairs of
 * runs; every figure is a median over the pairs.
 *
 * @param documents synthetic documents built
 * @param chunks chunks the builder cut from them (and the raw embedder embedded)
 */
public record IngestResult(int documents, int chunks, List<IngestRun> runs) {
  public IngestResult {
    runs = List.copyOf(runs);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs");
    }
  }

  public double rawChunksPerSecond() {
    return chunks / median(IngestRun::rawSeconds);
  }

  public double buildChunksPerSecond() {
    return chunks / median(IngestRun::buildSeconds);
  }

  /**
   * Build throughput over raw embedder throughput, the median of each pair's own ratio (a pair
   * runs back to back, so a neighbour's load mostly hits both): 1.00 means the build adds nothing.
   */
  public double ratio() {
    return median(r -> r.rawSeconds() / r.buildSeconds());
  }

  /**
   * The share of the build's own time spent inside the embedder: the same question as
   * {@link #ratio()} answered within one run, so immune to load that changes between runs.
   */
  public double embedShare() {
    return median(r -> r.embedSeconds() / r.buildSeconds());
  }

  public double loadSeconds() {
    return median(IngestRun::loadSeconds);
  }

  public double embedSeconds() {
    return median(IngestRun::embedSeconds);
  }

  public double writeSeconds() {
    return median(IngestRun::writeSeconds);
  }

  /** Build time outside loading, embedding and writing: batching, progress, bookkeeping. */
  public double otherSeconds() {
    return median(r -> Math.max(0, r.buildSeconds() - r.loadSeconds() - r.embedSeconds() - r.writeSeconds()));
  }

  private double median(ToDoubleFunction<IngestRun> figure) {
    return Median.of(runs.stream().map(figure::applyAsDouble).toList());
  }
}
