package dev.gaia.cli.bench;

/**
 * The routing simulation's figures, medians over its seeds.
 *
 * @param oursP95Millis p95 latency under least-loaded routing (Gaia's policy)
 * @param randomP95Millis p95 latency under weighted random routing
 * @param scenario the simulated domain, in words
 */
record RoutingFigures(double oursP95Millis, double randomP95Millis, String scenario) {
  double ratio() {
    return oursP95Millis / randomP95Millis;
  }
}
