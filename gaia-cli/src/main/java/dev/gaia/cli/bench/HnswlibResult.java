package dev.gaia.cli.bench;

import java.util.List;

/**
 * What {@code hnswlib_compare.py} measured on one data set.
 *
 * @param version the hnswlib package version
 * @param buildSeconds index build time with one thread (ours builds with one writer thread)
 * @param runs one per {@code ef}
 */
public record HnswlibResult(String version, double buildSeconds, List<HnswlibRun> runs) {
  public HnswlibResult {
    runs = List.copyOf(runs);
  }
}
