package dev.gaia.protocol.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The id of a key: an Ethereum-style address, the last 20 bytes of the Keccak-256 hash of the
 * uncompressed public key. Held as {@code 0x} + 40 lower-case hex digits so that equality is
 * equality of the 20 bytes; shown (and written on the wire) with the EIP-55 mixed-case checksum.
 */
public record Address(String value) {
  /** Number of bytes in an address. */
  public static final int LENGTH = 20;

  /**
   * Accepts {@code 0x} + 40 hex digits in any case. All-lower and all-upper digits carry no
   * checksum and are taken as they are; mixed case must be a correct EIP-55 checksum, so a typo in
   * a checksummed address is caught. Throws {@link IllegalArgumentException} otherwise.
   */
  public Address {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith("0x") || value.length() != 2 + 2 * LENGTH) {
      throw new IllegalArgumentException(
          "an address is 0x followed by 40 hex digits, got \"" + value + "\"");
    }
    Hex.decode(value, LENGTH, "an address");
    String digits = value.substring(2);
    String lower = digits.toLowerCase(Locale.ROOT);
    boolean mixed = !digits.equals(lower) && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixed && !checksummed(lower).equals(digits)) {
      throw new IllegalArgumentException(
          "address " + value + " has a wrong EIP-55 checksum (expected 0x" + checksummed(lower) + ")");
    }
    value = "0x" + lower;
  }

  @JsonCreator
  public static Address parse(String text) {
    return new Address(text.strip());
  }

  /** The address of 20 bytes. */
  public static Address of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an address has 20 bytes, got " + bytes.length);
    }
    return new Address("0x" + Hex.encode(bytes));
  }

  /** A copy of the 20 bytes. */
  public byte[] bytes() {
    return Hex.decode(value, LENGTH, "an address");
  }

  /** The EIP-55 checksummed form, e.g. {@code 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed}. */
  @JsonValue
  @Override
  public String toString() {
    return "0x" + checksummed(value.substring(2));
  }

  /** EIP-55: upper-case the i-th hex letter when the i-th nibble of keccak(lowercase hex) ≥ 8. */
  private static String checksummed(String lowerHex) {
    byte[] hash = Keccak.keccak256(lowerHex.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(lowerHex.length());
    for (int i = 0; i < lowerHex.length(); i++) {
      char c = lowerHex.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }
}
