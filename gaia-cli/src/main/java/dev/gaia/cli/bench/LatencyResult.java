package dev.gaia.cli.bench;

import dev.gaia.knowledge.index.IndexBenchmark;
import java.util.Objects;
import java.util.Optional;

/**
 * One index size: ours against brute force (in {@code ours}), and hnswlib when it ran.
 *
 * @param hnswlibNote why hnswlib did not run (empty when it did or was not asked for)
 */
public record LatencyResult(IndexBenchmark.Result ours, Optional<HnswlibResult> hnswlib, String hnswlibNote) {
  public LatencyResult {
    Objects.requireNonNull(ours, "ours");
    Objects.requireNonNull(hnswlib, "hnswlib");
    Objects.requireNonNull(hnswlibNote, "hnswlibNote");
  }
}
