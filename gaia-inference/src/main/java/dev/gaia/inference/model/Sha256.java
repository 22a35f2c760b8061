package dev.gaia.inference.model;

import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/** A SHA-256 digest as 64 lower-case hex digits; upper-case input is normalised. */
public record Sha256(String hex) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final int READ_BUFFER_BYTES = 1 << 20;

  public Sha256 {
    Objects.requireNonNull(hex, "hex");
    hex = hex.toLowerCase(Locale.ROOT);
    if (!HEX64.matcher(hex).matches()) {
      throw GaiaException.invalid(
          "sha256", "not a SHA-256 digest (expected 64 hex digits): '" + abbreviate(hex) + "'");
    }
  }

  /** Parses user input such as a {@code --sha256} value; surrounding blanks are ignored. */
  public static Sha256 parse(String text) {
    return new Sha256(Objects.requireNonNull(text, "text").strip());
  }

  /**
   * Reads a SHA-256 out of an HTTP entity tag when the tag is one: Hugging Face sends the LFS
   * object's SHA-256 quoted in {@code X-Linked-Etag}. Weak tags ({@code W/"..."}) and any other
   * shape (MD5, opaque ids) give empty.
   */
  static Optional<Sha256> fromEntityTag(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String t = tag.strip();
    if (t.startsWith("W/")) {
      return Optional.empty();
    }
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1);
    }
    String lower = t.toLowerCase(Locale.ROOT);
    return HEX64.matcher(lower).matches() ? Optional.of(new Sha256(lower)) : Optional.empty();
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** Completes {@code digest} (which is reset) into a value. */
  static Sha256 of(MessageDigest digest) {
    return new Sha256(HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * Feeds the first {@code length} bytes of {@code channel} into {@code digest}, reading each byte
   * once, and reports the running byte count to {@code progress} after each 1 MiB read.
   */
  static void update(MessageDigest digest, FileChannel channel, long length, LongConsumer progress)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    long position = 0;
    while (position < length) {
      buffer.clear();
      if (length - position < buffer.capacity()) {
        buffer.limit((int) (length - position));
      }
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw new IOException("file ended at " + position + " bytes, expected " + length);
      }
      buffer.flip();
      digest.update(buffer);
      position += n;
      progress.accept(position);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  @Override
  public String toString() {
    return hex;
  }
}
