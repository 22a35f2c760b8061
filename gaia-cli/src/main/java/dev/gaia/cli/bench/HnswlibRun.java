package dev.gaia.cli.bench;

/**
 * hnswlib at one {@code ef} on the same vectors and queries as our index.
 *
 * @param p50Micros median single-thread query time, Python call included
 * @param recallAt10 against the exact neighbours the Java oracle found
 */
public record HnswlibRun(int ef, double p50Micros, double p99Micros, double recallAt10) {}
