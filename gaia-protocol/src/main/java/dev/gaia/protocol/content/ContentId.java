package dev.gaia.protocol.content;

import java.util.Locale;
import java.util.Objects;

/**
 * A CIDv1 with the raw codec and a sha2-256 multihash, written in base32 lower case
 * ({@code bafkrei...}), as IPFS writes the id of a raw blob. Any blob (GGUF, .gkb content) is
 * named this way across the system.
 */
public record ContentId(String value) {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
  // CIDv1 (0x01), raw codec (0x55), sha2-256 (0x12), 32-byte digest (0x20).
  private static final byte[] PREFIX = {0x01, 0x55, 0x12, 0x20};

  public ContentId {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith("bafkrei") || value.length() != 59 || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0 || c == 'b')) {
      throw new IllegalArgumentException("not a raw sha2-256 CIDv1 in base32: " + value);
    }
  }

  /** The CID of a SHA-256 digest (32 bytes). */
  public static ContentId ofSha256(byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, got " + digest.length);
    }
    byte[] bytes = new byte[PREFIX.length + 32];
    System.arraycopy(PREFIX, 0, bytes, 0, PREFIX.length);
    System.arraycopy(digest, 0, bytes, PREFIX.length, 32);
    return new ContentId("b" + base32(bytes));
  }

  public static ContentId parse(String text) {
    return new ContentId(text.strip().toLowerCase(Locale.ROOT));
  }

  /** The SHA-256 digest inside. */
  public byte[] sha256() {
    byte[] bytes = unbase32(value.substring(1));
    byte[] digest = new byte[32];
    System.arraycopy(bytes, PREFIX.length, digest, 0, 32);
    return digest;
  }

  @Override
  public String toString() {
    return value;
  }

  private static String base32(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  private static byte[] unbase32(String text) {
    byte[] out = new byte[text.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (char c : text.toCharArray()) {
      buffer = (buffer << 5) | ALPHABET.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out[n++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }
}
