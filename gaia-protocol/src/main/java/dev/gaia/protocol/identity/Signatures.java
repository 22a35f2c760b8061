package dev.gaia.protocol.identity;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.ECPoint;

/** EIP-191 personal-sign hashing and signer recovery. Stateless and thread-safe. */
public final class Signatures {
  private Signatures() {}

  /**
   * The 32-byte hash EIP-191 version 0x45 signs: keccak256("\x19Ethereum Signed Message:\n" +
   * decimal byte length of message + message), as {@code personal_sign} and {@code eth_sign} do.
   */
  public static byte[] personalMessageHash(byte[] message) {
    byte[] prefix =
        ("\u0019Ethereum Signed Message:\n" + message.length).getBytes(StandardCharsets.US_ASCII);
    return Keccak.keccak256(prefix, message);
  }

  /**
   * The address that signed {@code message} (EIP-191 personal-sign). Throws {@link
   * IllegalArgumentException} when the signature recovers no key at all.
   */
  public static Address recoverSigner(byte[] message, Signature signature) {
    ECPoint q =
        Secp256k1.recover(
            personalMessageHash(message), signature.r(), signature.s(), signature.v() - 27);
    if (q == null) {
      throw new IllegalArgumentException("signature recovers no public key");
    }
    return Secp256k1.address(q);
  }

  /** Whether {@code signature} over {@code message} was made by {@code signer}'s key. */
  public static boolean isSignedBy(byte[] message, Signature signature, Address signer) {
    try {
      return recoverSigner(message, signature).equals(signer);
    } catch (IllegalArgumentException corrupt) {
      return false;
    }
  }
}
