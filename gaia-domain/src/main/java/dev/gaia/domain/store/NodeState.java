package dev.gaia.domain.store;

import java.util.Locale;

/** Where a node stands in its domain. Stored as the lower-case name. */
public enum NodeState {
  /** Joined, not yet probed successfully: gets no traffic. */
  PENDING,
  /** Passed its probes: gets traffic. */
  ACTIVE,
  /** Failing some probes or requests: gets traffic only when no active node serves the model. */
  DEGRADED,
  /** Removed from routing (failed probes, wrong model files, or by an operator); may rejoin. */
  EJECTED;

  /** The stored (and shown) form: {@code pending}, {@code active}, ... */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state named by {@link #wire()}; throws {@link IllegalArgumentException} for other text. */
  public static NodeState ofWire(String text) {
    for (NodeState s : values()) {
      if (s.wire().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown node state \"" + text + "\"");
  }
}
