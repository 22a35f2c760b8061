package dev.gaia.node.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Range checks shared by the config records. Each failure is an {@link InvalidConfigException}
 * naming the field by its Gaia key, so a message reads the same whether the value came from a
 * file, {@code gaia config set}, or code.
 */
final class Check {
  private Check() {}

  static int port(String field, int value) {
    if (value < 0 || value > 65535) {
      throw InvalidConfigException.of(
          field, "must be a TCP port in 0..65535 (0 picks any free port), got " + value);
    }
    return value;
  }

  static int positive(String field, int value) {
    if (value < 1) {
      throw InvalidConfigException.of(field, "must be a positive integer, got " + value);
    }
    return value;
  }

  static long positive(String field, long value) {
    if (value < 1) {
      throw InvalidConfigException.of(field, "must be a positive integer, got " + value);
    }
    return value;
  }

  static int nonNegative(String field, int value) {
    if (value < 0) {
      throw InvalidConfigException.of(field, "must be 0 or more, got " + value);
    }
    return value;
  }

  static double unitInterval(String field, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw InvalidConfigException.of(field, "must be a number in [0, 1], got " + value);
    }
    return value;
  }

  static <T> T present(String field, T value) {
    if (value == null) {
      throw InvalidConfigException.of(field, "must be set");
    }
    return value;
  }

  /** Non-null and free of whitespace; {@code allowEmpty} decides whether "" passes. */
  static String token(String field, String value, boolean allowEmpty) {
    present(field, value);
    if (!allowEmpty && value.isEmpty()) {
      throw InvalidConfigException.of(field, "must not be empty");
    }
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw InvalidConfigException.of(field, "must not contain whitespace, got \"" + value + "\"");
    }
    return value;
  }

  /** Empty, or an absolute {@code http}/{@code https} URL with a host. */
  static Optional<URI> httpUrl(String field, Optional<URI> url) {
    present(field, url);
    url.ifPresent(
        u -> {
          String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
          if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw InvalidConfigException.of(field, "must be an absolute http(s) URL, got \"" + u + "\"");
          }
        });
    return url;
  }
}
