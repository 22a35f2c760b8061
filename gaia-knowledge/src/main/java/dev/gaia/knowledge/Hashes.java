package dev.gaia.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for chunk ids and content hashes. */
public final class Hashes {
  private Hashes() {}

  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The chunk id rule of {@link Chunk#id()}. */
  public static String chunkId(String source, int start, int end, String text) {
    return sha256Hex(source + '\u0000' + start + '\u0000' + end + '\u0000' + text).substring(0, 32);
  }
}
