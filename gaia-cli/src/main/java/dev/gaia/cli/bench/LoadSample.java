package dev.gaia.cli.bench;

/**
 * What one closed-loop run measured.
 *
 * @param requests requests that completed with status 200
 * @param errors requests that failed or answered another status
 * @param events SSE events received ({@code \n\n}-terminated), 0 for JSON requests
 * @param seconds the run's length
 * @param latencies per completed request, send to last byte, in nanoseconds
 */
record LoadSample(long requests, long errors, long events, double seconds, long[] latencies) {
  LoadSample {
    if (seconds <= 0) {
      throw new IllegalArgumentException("seconds must be positive: " + seconds);
    }
    latencies = latencies.clone();
  }

  double requestsPerSecond() {
    return requests / seconds;
  }

  double eventsPerSecond() {
    return events / seconds;
  }

  /** The {@code p}-th latency percentile in microseconds, or NaN with no completed request. */
  double latencyMicros(double p) {
    return latencies.length == 0 ? Double.NaN : Percentiles.micros(latencies, p);
  }
}
