package dev.gaia.domain.store;

import java.util.Objects;

/**
 * A key just created, with its secret: the only time the secret exists outside the client that
 * holds it. Show it once, then drop it. {@link #toString()} leaves the secret out.
 */
public record NewApiKey(ApiKey key, String secret) {
  public NewApiKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "NewApiKey[key=" + key + ", secret=<redacted>]";
  }
}
