package dev.gaia.protocol.identity;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** A signer holding its private key in memory. Immutable, so thread-safe. */
final class KeyPairSigner implements Signer {
  private final BigInteger privateKey;
  private final ECPoint publicKey;
  private final Address address;

  KeyPairSigner(BigInteger privateKey) {
    if (!Secp256k1.isValidPrivateKey(privateKey)) {
      throw new IllegalArgumentException("not a secp256k1 private key (must be in [1, n-1])");
    }
    this.privateKey = privateKey;
    this.publicKey = Secp256k1.publicKey(privateKey);
    this.address = Secp256k1.address(publicKey);
  }

  @Override
  public Address address() {
    return address;
  }

  @Override
  public Signature sign(byte[] message) {
    return Secp256k1.sign(Signatures.personalMessageHash(message), privateKey, publicKey);
  }

  /** The 32 private key bytes, for {@link Keystore} to encrypt; nothing else in the package. */
  byte[] privateKeyBytes() {
    return BigIntegers.asUnsignedByteArray(32, privateKey);
  }

  @Override
  public String toString() {
    return "Signer[" + address + "]";
  }
}
