package dev.gaia.inference.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one pull behaves.
 *
 * @param idleTimeout the longest wait for response headers or for the next body bytes; a server
 *     that is slow but keeps sending never trips it
 * @param connectTimeout the longest wait for a TCP (and TLS) connection
 * @param expectedSha256 the digest the caller vouches for; it wins over any hash the server
 *     advertises, and a cached blob with this digest satisfies the pull without a request
 * @param userAgent sent as {@code User-Agent}
 * @param maxAttempts requests per pull when the server drops the connection mid-body; a further
 *     attempt (resuming with {@code Range}) is made only after one that delivered bytes
 */
public record DownloadOptions(
    Duration idleTimeout,
    Duration connectTimeout,
    Optional<Sha256> expectedSha256,
    String userAgent,
    int maxAttempts) {
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
  public static final String DEFAULT_USER_AGENT = "gaia-java/0.1";
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  public DownloadOptions {
    requirePositive(idleTimeout, "idleTimeout");
    requirePositive(connectTimeout, "connectTimeout");
    Objects.requireNonNull(expectedSha256, "expectedSha256");
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
  }

  public static DownloadOptions defaults() {
    return new DownloadOptions(
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT,
        Optional.empty(),
        DEFAULT_USER_AGENT,
        DEFAULT_MAX_ATTEMPTS);
  }

  public DownloadOptions withExpectedSha256(Sha256 sha256) {
    return new DownloadOptions(
        idleTimeout, connectTimeout, Optional.of(sha256), userAgent, maxAttempts);
  }

  public DownloadOptions withIdleTimeout(Duration timeout) {
    return new DownloadOptions(timeout, connectTimeout, expectedSha256, userAgent, maxAttempts);
  }

  public DownloadOptions withMaxAttempts(int attempts) {
    return new DownloadOptions(idleTimeout, connectTimeout, expectedSha256, userAgent, attempts);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
