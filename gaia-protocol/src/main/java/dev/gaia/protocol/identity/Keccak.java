package dev.gaia.protocol.identity;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original padding, not NIST SHA3-256). Thread-safe. */
final class Keccak {
  private Keccak() {}

  static byte[] keccak256(byte[]... parts) {
    KeccakDigest digest = new KeccakDigest(256);
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
