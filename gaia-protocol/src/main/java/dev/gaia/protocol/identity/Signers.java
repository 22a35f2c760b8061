package dev.gaia.protocol.identity;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Factories for in-memory signers. For keys at rest, see {@link Keystore}. */
public final class Signers {
  private Signers() {}

  /** A fresh key drawn from {@code random} (pass a seeded one in tests only). */
  public static Signer generate(SecureRandom random) {
    return new KeyPairSigner(randomPrivateKey(random));
  }

  /**
   * A signer over an existing 32-byte big-endian private key, for imports and test fixtures. The
   * array is copied; the caller should zero its own copy.
   */
  public static Signer fromPrivateKey(byte[] privateKey) {
    return keyPair(privateKey);
  }

  static KeyPairSigner keyPair(byte[] privateKey) {
    if (privateKey.length != 32) {
      throw new IllegalArgumentException("a private key has 32 bytes, got " + privateKey.length);
    }
    return new KeyPairSigner(new BigInteger(1, privateKey));
  }

  static BigInteger randomPrivateKey(SecureRandom random) {
    byte[] bytes = new byte[32];
    while (true) {
      random.nextBytes(bytes);
      BigInteger d = new BigInteger(1, bytes);
      if (Secp256k1.isValidPrivateKey(d)) {
        return d;
      }
    }
  }
}
