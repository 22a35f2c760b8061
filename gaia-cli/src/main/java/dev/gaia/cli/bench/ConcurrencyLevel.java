package dev.gaia.cli.bench;

/**
 * Median aggregate generation rate of {@code streams} streams started together: all tokens
 * received over the wall time from the first request to the last stream's end.
 */
record ConcurrencyLevel(int streams, double aggregateRate) {}
