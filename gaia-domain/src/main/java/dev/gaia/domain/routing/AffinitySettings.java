package dev.gaia.domain.routing;

/**
 * Prefix affinity in {@link LeastLoadedRouter}: a request whose affinity key was seen before goes
 * to the node that served it last while that node's outstanding requests are at most {@code
 * loadFactor × least + slack}, {@code least} being the fewest outstanding among the request's
 * eligible nodes.
 *
 * @param capacity how many keys are remembered (least recently used ones are forgotten first)
 * @param loadFactor ≥ 1
 * @param slack ≥ 0, extra outstanding requests tolerated (so an idle pool still pins)
 */
public record AffinitySettings(int capacity, double loadFactor, int slack) {
  public AffinitySettings {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    if (!(loadFactor >= 1) || Double.isInfinite(loadFactor)) {
      throw new IllegalArgumentException("loadFactor must be >= 1, was " + loadFactor);
    }
    if (slack < 0) {
      throw new IllegalArgumentException("slack must be >= 0, was " + slack);
    }
  }

  /** 100 000 keys, pinned while within 1.5 × least + 1. */
  public static AffinitySettings defaults() {
    return new AffinitySettings(100_000, 1.5, 1);
  }

  /** Whether a pinned node with {@code pinned} outstanding requests is still balanced enough. */
  boolean withinBalance(int pinned, int least) {
    return pinned <= loadFactor * least + slack;
  }
}
