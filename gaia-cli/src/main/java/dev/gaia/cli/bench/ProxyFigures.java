package dev.gaia.cli.bench;

/**
 * One target's figures (direct to the stub, through the gateway, or through nginx), each the
 * median over the rounds.
 *
 * @param p50Micros latency p50 at one connection, send to last byte
 * @param p99Micros latency p99 at one connection
 * @param requestsPerSecond JSON requests per second at the settings' connections
 * @param eventsPerSecond SSE events per second over the settings' concurrent streams
 * @param errors failed requests over all cases
 */
record ProxyFigures(double p50Micros, double p99Micros, double requestsPerSecond, double eventsPerSecond, long errors) {}
