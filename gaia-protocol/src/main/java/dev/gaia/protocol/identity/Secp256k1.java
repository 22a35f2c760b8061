package dev.gaia.protocol.identity;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * The secp256k1 arithmetic behind signers and verification, on BouncyCastle's constant-time
 * custom curve. Signing is deterministic (RFC 6979 with HMAC-SHA256, as geth, web3j and web3.js
 * sign), so a fixed key and message give one exact signature. Stateless and thread-safe.
 */
final class Secp256k1 {
  private Secp256k1() {}

  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  static final ECDomainParameters CURVE =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
  static final BigInteger N = CURVE.getN();
  static final BigInteger HALF_N = N.shiftRight(1);

  static boolean isValidPrivateKey(BigInteger d) {
    return d.signum() > 0 && d.compareTo(N) < 0;
  }

  static ECPoint publicKey(BigInteger d) {
    return new FixedPointCombMultiplier().multiply(CURVE.getG(), d).normalize();
  }

  /** The address of a public key: the last 20 bytes of keccak256(x || y). */
  static Address address(ECPoint publicKey) {
    byte[] encoded = publicKey.getEncoded(false); // 0x04 || x || y
    byte[] hash = Keccak.keccak256(Arrays.copyOfRange(encoded, 1, encoded.length));
    return Address.of(Arrays.copyOfRange(hash, 12, 32));
  }

  /** Signs a 32-byte hash; s is made low (≤ n/2) and v chosen so that recovery gives our key. */
  static Signature sign(byte[] hash, BigInteger d, ECPoint publicKey) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(d, CURVE));
    BigInteger[] rs = signer.generateSignature(hash);
    BigInteger r = rs[0];
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
    for (int recId = 0; recId < 2; recId++) {
      ECPoint q = recover(hash, r, s, recId);
      if (q != null && q.equals(publicKey)) {
        return new Signature(r, s, 27 + recId);
      }
    }
    throw new IllegalStateException("no recovery id reproduces the signing key");
  }

  /**
   * SEC 1 v2 §4.1.6 public key recovery for recovery id 0 or 1 (x = r; r ≥ p − n never occurs in
   * practice and is not supported). Returns null when no point has x = r.
   */
  static ECPoint recover(byte[] hash, BigInteger r, BigInteger s, int recId) {
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (recId == 1 ? 0x03 : 0x02);
    BigIntegers.asUnsignedByteArray(r, compressed, 1, 32);
    ECPoint point;
    try {
      point = CURVE.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
    BigInteger e = new BigInteger(1, hash);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = e.negate().mod(N).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, point, u2).normalize();
    return q.isInfinity() ? null : q;
  }
}
