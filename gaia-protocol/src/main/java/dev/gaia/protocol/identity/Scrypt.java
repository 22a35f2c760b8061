package dev.gaia.protocol.identity;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * scrypt (RFC 7914) without RFC 7914's bound N < 2^(16·r): geth, and the Web3 Secret Storage test
 * vector, use r = 1 with N = 2^18, which BouncyCastle's {@code SCrypt} refuses. Memory 128·r·N
 * bytes, time O(N·r·p). Stateless and thread-safe; callers bound the parameters ({@link Kdf}).
 */
final class Scrypt {
  private Scrypt() {}

  static byte[] derive(byte[] passphrase, byte[] salt, int n, int r, int p, int length) {
    int blockInts = 32 * r; // 128·r bytes
    byte[] b = pbkdf2Key(passphrase, salt, p * 128 * r);
    int[] x = new int[blockInts];
    int[] v = new int[n * blockInts];
    int[] scratch = new int[blockInts];
    for (int i = 0; i < p; i++) {
      int offset = i * 128 * r;
      for (int k = 0; k < blockInts; k++) {
        x[k] = littleEndian(b, offset + 4 * k);
      }
      roMix(x, v, scratch, n, r);
      for (int k = 0; k < blockInts; k++) {
        int word = x[k];
        b[offset + 4 * k] = (byte) word;
        b[offset + 4 * k + 1] = (byte) (word >>> 8);
        b[offset + 4 * k + 2] = (byte) (word >>> 16);
        b[offset + 4 * k + 3] = (byte) (word >>> 24);
      }
    }
    return pbkdf2Key(passphrase, b, length);
  }

  private static void roMix(int[] x, int[] v, int[] scratch, int n, int r) {
    int blockInts = 32 * r;
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, 0, v, i * blockInts, blockInts);
      blockMix(x, scratch, r);
    }
    for (int i = 0; i < n; i++) {
      int j = x[blockInts - 16] & (n - 1); // Integerify mod N (N is a power of two)
      for (int k = 0; k < blockInts; k++) {
        x[k] ^= v[j * blockInts + k];
      }
      blockMix(x, scratch, r);
    }
  }

  /** BlockMix with Salsa20/8 over 2r 64-byte blocks, in place (scratch holds the output). */
  private static void blockMix(int[] b, int[] y, int r) {
    int[] t = new int[16];
    System.arraycopy(b, (2 * r - 1) * 16, t, 0, 16);
    for (int i = 0; i < 2 * r; i++) {
      for (int k = 0; k < 16; k++) {
        t[k] ^= b[i * 16 + k];
      }
      salsa20x8(t);
      // Even blocks go to the first half, odd blocks to the second.
      int out = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
      System.arraycopy(t, 0, y, out, 16);
    }
    System.arraycopy(y, 0, b, 0, 32 * r);
  }

  private static void salsa20x8(int[] b) {
    int[] x = b.clone();
    for (int i = 0; i < 8; i += 2) {
      x[4] ^= Integer.rotateLeft(x[0] + x[12], 7);
      x[8] ^= Integer.rotateLeft(x[4] + x[0], 9);
      x[12] ^= Integer.rotateLeft(x[8] + x[4], 13);
      x[0] ^= Integer.rotateLeft(x[12] + x[8], 18);
      x[9] ^= Integer.rotateLeft(x[5] + x[1], 7);
      x[13] ^= Integer.rotateLeft(x[9] + x[5], 9);
      x[1] ^= Integer.rotateLeft(x[13] + x[9], 13);
      x[5] ^= Integer.rotateLeft(x[1] + x[13], 18);
      x[14] ^= Integer.rotateLeft(x[10] + x[6], 7);
      x[2] ^= Integer.rotateLeft(x[14] + x[10], 9);
      x[6] ^= Integer.rotateLeft(x[2] + x[14], 13);
      x[10] ^= Integer.rotateLeft(x[6] + x[2], 18);
      x[3] ^= Integer.rotateLeft(x[15] + x[11], 7);
      x[7] ^= Integer.rotateLeft(x[3] + x[15], 9);
      x[11] ^= Integer.rotateLeft(x[7] + x[3], 13);
      x[15] ^= Integer.rotateLeft(x[11] + x[7], 18);
      x[1] ^= Integer.rotateLeft(x[0] + x[3], 7);
      x[2] ^= Integer.rotateLeft(x[1] + x[0], 9);
      x[3] ^= Integer.rotateLeft(x[2] + x[1], 13);
      x[0] ^= Integer.rotateLeft(x[3] + x[2], 18);
      x[6] ^= Integer.rotateLeft(x[5] + x[4], 7);
      x[7] ^= Integer.rotateLeft(x[6] + x[5], 9);
      x[4] ^= Integer.rotateLeft(x[7] + x[6], 13);
      x[5] ^= Integer.rotateLeft(x[4] + x[7], 18);
      x[11] ^= Integer.rotateLeft(x[10] + x[9], 7);
      x[8] ^= Integer.rotateLeft(x[11] + x[10], 9);
      x[9] ^= Integer.rotateLeft(x[8] + x[11], 13);
      x[10] ^= Integer.rotateLeft(x[9] + x[8], 18);
      x[12] ^= Integer.rotateLeft(x[15] + x[14], 7);
      x[13] ^= Integer.rotateLeft(x[12] + x[15], 9);
      x[14] ^= Integer.rotateLeft(x[13] + x[12], 13);
      x[15] ^= Integer.rotateLeft(x[14] + x[13], 18);
    }
    for (int i = 0; i < 16; i++) {
      b[i] += x[i];
    }
  }

  private static int littleEndian(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff)
        | (bytes[offset + 1] & 0xff) << 8
        | (bytes[offset + 2] & 0xff) << 16
        | (bytes[offset + 3] & 0xff) << 24;
  }

  /** PBKDF2-HMAC-SHA256 with one iteration, as scrypt uses it on both ends. */
  private static byte[] pbkdf2Key(byte[] passphrase, byte[] salt, int length) {
    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
    gen.init(passphrase, salt, 1);
    return ((KeyParameter) gen.generateDerivedParameters(length * 8)).getKey();
  }
}
