package dev.gaia.domain.routing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the node for each request and learns from how requests end. Thread-safe: called from
 * every event loop at once.
 */
public interface Router {

  /**
   * The node to try next, never one in {@code excluded} (the nodes this request already tried);
   * empty when no active node serves the model.
   */
  Optional<NodeEndpoint> choose(RouteRequest request, Set<String> excluded);

  /** A request was sent to {@code address} (counts as outstanding until {@link #finished}). */
  void started(String address);

  /** A request to {@code address} ended. */
  void finished(String address, Outcome outcome);

  /** The nodes that currently get traffic. */
  List<NodeEndpoint> active();
}
