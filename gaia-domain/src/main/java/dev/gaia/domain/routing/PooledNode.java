package dev.gaia.domain.routing;

/** A node in a {@link NodePool}: its current endpoint and its statistics (kept across updates). */
record PooledNode(NodeEndpoint endpoint, NodeStats stats) {
  String address() {
    return endpoint.address();
  }
}
