package dev.gaia.domain.gateway;

import java.util.Objects;

/**
 * An API key as the gateway sees it: its id (never the secret) and its limits.
 *
 * @param id stable id used in usage records and logs
 */
public record ApiKey(String id, Limits limits) {
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(limits, "limits");
  }

  /** The caller of an open domain who brought no known key: no limits of its own. */
  public static ApiKey anonymous() {
    return new ApiKey("anonymous", Limits.NONE);
  }

  /**
   * Per-key rates; 0 means unlimited.
   *
   * @param requestsPerMinute requests admitted per minute (burst up to this many)
   * @param tokensPerMinute prompt plus completion tokens per minute; charged when a response ends,
   *     so one request may overdraw and the next ones wait until the debt is refilled
   */
  public record Limits(int requestsPerMinute, long tokensPerMinute) {
    public static final Limits NONE = new Limits(0, 0);

    public Limits {
      if (requestsPerMinute < 0 || tokensPerMinute < 0) {
        throw new IllegalArgumentException("limits must not be negative");
      }
    }
  }
}
