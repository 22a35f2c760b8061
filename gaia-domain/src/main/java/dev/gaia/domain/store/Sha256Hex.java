package dev.gaia.domain.store;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks for the SHA-256 hex digests the store keeps (model files, key hashes). */
final class Sha256Hex {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private Sha256Hex() {}

  /** {@code text} in lower case when it is 64 hex digits; {@link IllegalArgumentException} otherwise. */
  static String require(String text, String what) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!HEX64.matcher(lower).matches()) {
      throw new IllegalArgumentException(what + " must be a SHA-256 digest (64 hex digits), got \"" + text + "\"");
    }
    return lower;
  }
}
