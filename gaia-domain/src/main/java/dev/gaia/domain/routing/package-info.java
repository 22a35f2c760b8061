/**
 * Routing across a domain's nodes, socket-free: the gateway's registry keeps a {@link
 * dev.gaia.domain.routing.NodePool} in step with the nodes (put, remove) and an {@link
 * dev.gaia.domain.routing.OutlierDetector} told of heartbeats and probe results; the proxy asks a
 * {@link dev.gaia.domain.routing.Router} for a node and reports how each request ended.
 *
 * <p>Policies: {@link dev.gaia.domain.routing.LeastLoadedRouter} (power of two choices over
 * {@code (outstanding + 1) × expected service time}, prefix affinity while balanced) and {@link
 * dev.gaia.domain.routing.WeightedRandomRouter} (Gaia's behaviour, for comparison). {@link
 * dev.gaia.domain.routing.RoutingSimulation} runs either against synthetic nodes for benchmarks.
 */
package dev.gaia.domain.routing;
