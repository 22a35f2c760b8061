package dev.gaia.protocol.identity;

import java.util.HexFormat;

/** Hex with an optional {@code 0x} prefix on input; lower case, no prefix on output. */
final class Hex {
  private Hex() {}

  static byte[] decode(String text, int expectedBytes, String what) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (digits.length() != expectedBytes * 2 || !isHex(digits)) {
      throw new IllegalArgumentException(
          what + " must be " + expectedBytes * 2 + " hex digits, got \"" + abbreviate(text) + "\"");
    }
    return HexFormat.of().parseHex(digits);
  }

  /** Any non-empty even number of hex digits. */
  static byte[] decodeAny(String text, String what) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (digits.isEmpty() || digits.length() % 2 != 0 || !isHex(digits)) {
      throw new IllegalArgumentException(what + " must be hex digits");
    }
    return HexFormat.of().parseHex(digits);
  }

  static String encode(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  private static boolean isHex(String digits) {
    return digits.chars().allMatch(HexFormat::isHexDigit);
  }
}
