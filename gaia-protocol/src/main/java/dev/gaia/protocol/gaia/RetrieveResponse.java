package dev.gaia.protocol.gaia;

import java.util.List;

/**
 * Gaia's {@code /v1/retrieve} answer ({@code points} with {@code source} and {@code score}, the
 * {@code limit} and {@code score_threshold} used) plus the query and full citations.
 */
public record RetrieveResponse(
    List<Point> points, int limit, double scoreThreshold, String query, List<Source> sources) {
  public RetrieveResponse {
    points = List.copyOf(points);
    sources = List.copyOf(sources);
  }

  /** Gaia's point: {@code source} is the passage text, as Gaia returns it. */
  public record Point(String source, double score) {}
}
