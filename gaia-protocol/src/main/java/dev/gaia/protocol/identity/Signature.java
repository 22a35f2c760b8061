package dev.gaia.protocol.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.util.Objects;
import org.bouncycastle.util.BigIntegers;

/**
 * A recoverable secp256k1 signature as Ethereum writes it: 65 bytes {@code r || s || v}, r and s
 * big-endian 32 bytes each, v 27 or 28. Only canonical (low-s, EIP-2) signatures exist: {@code s ≤
 * n/2}, so a signature cannot be altered into a second valid one.
 */
public record Signature(BigInteger r, BigInteger s, int v) {
  /** Number of bytes in the {@code r || s || v} form. */
  public static final int LENGTH = 65;

  public Signature {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    if (r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException("signature r is out of range");
    }
    if (s.signum() <= 0 || s.compareTo(Secp256k1.HALF_N) > 0) {
      throw new IllegalArgumentException("signature s is out of range or not canonical (high s)");
    }
    if (v != 27 && v != 28) {
      throw new IllegalArgumentException("signature v must be 27 or 28, got " + v);
    }
  }

  /** Reads 65 bytes {@code r || s || v}; v may also be written as 0 or 1. */
  public static Signature of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a signature has 65 bytes, got " + bytes.length);
    }
    int v = bytes[64] & 0xff;
    return new Signature(
        new BigInteger(1, bytes, 0, 32), new BigInteger(1, bytes, 32, 32), v < 27 ? v + 27 : v);
  }

  /** Reads {@code 0x} + 130 hex digits (the prefix is optional). */
  @JsonCreator
  public static Signature parse(String hex) {
    return of(Hex.decode(hex.strip(), LENGTH, "a signature"));
  }

  public byte[] bytes() {
    byte[] out = new byte[LENGTH];
    BigIntegers.asUnsignedByteArray(r, out, 0, 32);
    BigIntegers.asUnsignedByteArray(s, out, 32, 32);
    out[64] = (byte) v;
    return out;
  }

  /** {@code 0x} + 130 lower-case hex digits. */
  @JsonValue
  public String toHex() {
    return "0x" + Hex.encode(bytes());
  }

  /**
   * The address whose key made this signature over {@code message} with EIP-191 personal-sign.
   * Any valid signature recovers to some address: compare it with the expected signer. Throws
   * {@link IllegalArgumentException} when no key recovers (a corrupt signature).
   */
  public Address recover(byte[] message) {
    return Signatures.recoverSigner(message, this);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
