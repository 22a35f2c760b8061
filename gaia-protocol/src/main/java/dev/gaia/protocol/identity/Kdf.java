package dev.gaia.protocol.identity;

/**
 * How a keystore turns a passphrase into its 32-byte key (Web3 Secret Storage v3 {@code kdf}).
 * Bounds are enforced on read as well, so a hostile file cannot make unlocking take unbounded
 * memory or time.
 */
public sealed interface Kdf {
  /** geth's standard scrypt cost: N = 2^18, r = 8, p = 1 (256 MiB, about a second). */
  Scrypt STANDARD = new Scrypt(1 << 18, 8, 1);

  /** geth's light scrypt cost: N = 2^12, r = 8, p = 6 (4 MiB); for tests and weak devices. */
  Scrypt LIGHT = new Scrypt(1 << 12, 8, 6);

  /** scrypt with cost N (a power of two), block size r and parallelism p; memory 128·r·N bytes. */
  record Scrypt(int n, int r, int p) implements Kdf {
    public Scrypt {
      if (n < 2 || Integer.bitCount(n) != 1 || n > (1 << 20)) {
        throw new IllegalArgumentException("scrypt n must be a power of two in [2, 2^20], got " + n);
      }
      if (r < 1 || p < 1 || (long) r * p > 64 || 128L * r * n > (1L << 30)) {
        throw new IllegalArgumentException(
            "scrypt r=" + r + ", p=" + p + " with n=" + n + " exceeds the supported cost");
      }
    }
  }

  /** PBKDF2 with HMAC-SHA256 ({@code prf: hmac-sha256}) and {@code iterations} rounds. */
  record Pbkdf2(int iterations) implements Kdf {
    public Pbkdf2 {
      if (iterations < 1 || iterations > 10_000_000) {
        throw new IllegalArgumentException(
            "pbkdf2 iterations must be in [1, 10^7], got " + iterations);
      }
    }
  }
}
