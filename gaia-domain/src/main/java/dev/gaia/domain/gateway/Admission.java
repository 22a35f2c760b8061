package dev.gaia.domain.gateway;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.util.Optional;

/**
 * Who is calling and whether they may: the {@code Authorization: Bearer} secret is looked up, then
 * the key's request rate is checked. In an open domain a missing or unknown secret is served as
 * {@link ApiKey#anonymous()} (OpenAI clients always send some key, often a placeholder); a known
 * one still gets its own limits. Thread-safe.
 */
final class Admission {
  private static final String BEARER = "bearer ";

  private final KeyCheck keys;
  private final RateLimiter limiter;
  private final boolean open;

  Admission(KeyCheck keys, RateLimiter limiter, boolean open) {
    this.keys = keys;
    this.limiter = limiter;
    this.open = open;
  }

  /**
   * @param authorization the header's value, null when absent
   * @throws GaiaException 401 for a missing or unknown key in a closed domain, 429 over the rate
   */
  ApiKey admit(String authorization) {
    Optional<String> secret = secret(authorization);
    Optional<ApiKey> known = secret.flatMap(keys::find);
    ApiKey key;
    if (known.isPresent()) {
      key = known.get();
    } else if (open) {
      key = ApiKey.anonymous();
    } else if (secret.isEmpty()) {
      throw new GaiaException(ErrorKind.UNAUTHORIZED,
          "This domain needs an API key: send it as 'Authorization: Bearer <key>'.", null, "missing_api_key");
    } else {
      throw new GaiaException(ErrorKind.UNAUTHORIZED, "The API key is not valid for this domain.", null, "invalid_api_key");
    }
    limiter.admit(key);
    return key;
  }

  private static Optional<String> secret(String authorization) {
    if (authorization == null || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String s = authorization.substring(BEARER.length()).strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
