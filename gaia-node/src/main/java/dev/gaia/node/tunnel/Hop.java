package dev.gaia.node.tunnel;

import java.util.Set;

/** Hop-by-hop headers: they describe one HTTP connection and never cross the tunnel. */
final class Hop {
  private static final Set<String> HEADERS = Set.of(
      "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host");

  private Hop() {}

  static boolean isHopByHop(String name) {
    return HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
  }
}
