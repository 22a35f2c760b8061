package dev.gaia.protocol.identity;

/**
 * The only way to use a private key: it signs and tells its address, and the key itself never
 * leaves it. Implementations are thread-safe. Get one from {@link Signers} or {@link
 * Keystore#unlock}.
 */
public interface Signer {
  /** The address of this signer's key. */
  Address address();

  /**
   * EIP-191 personal-sign of {@code message}: a recoverable secp256k1 signature over {@link
   * Signatures#personalMessageHash}, deterministic (RFC 6979) and low-s.
   */
  Signature sign(byte[] message);
}
