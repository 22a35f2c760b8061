package dev.gaia.protocol.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class SignerTest {
  // The key of web3.js's documentation for web3.eth.accounts.sign.
  static final byte[] WEB3_KEY =
      HexFormat.of().parseHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
  static final byte[] SOME_DATA = "Some data".getBytes(StandardCharsets.UTF_8);

  @Test
  void derives_the_known_address_of_a_fixed_key() {
    assertThat(Signers.fromPrivateKey(WEB3_KEY).address().toString())
        .isEqualTo("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
  }

  @Test
  void hashes_the_personal_message_as_eip191() {
    // web3.eth.accounts.sign('Some data', key).messageHash
    assertThat(HexFormat.of().formatHex(Signatures.personalMessageHash(SOME_DATA)))
        .isEqualTo("1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655");
  }

  @Test
  void signs_the_known_message_to_the_exact_known_signature() {
    // web3.eth.accounts.sign('Some data', key).signature
    Signature signature = Signers.fromPrivateKey(WEB3_KEY).sign(SOME_DATA);
    assertThat(signature.toHex())
        .isEqualTo(
            "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd"
                + "6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c");
    assertThat(signature.v()).isEqualTo(28);
    assertThat(signature.recover(SOME_DATA)).isEqualTo(Signers.fromPrivateKey(WEB3_KEY).address());
  }

  @Test
  void agrees_with_web3j_on_random_keys_and_messages() throws Exception {
    long seed = 20250101L;
    SecureRandom random = seeded(seed);
    for (int i = 0; i < 50; i++) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      key[0] &= 0x7f; // below n
      byte[] message = new byte[i * 7];
      random.nextBytes(message);
      Signer ours = Signers.fromPrivateKey(key);
      ECKeyPair theirs = ECKeyPair.create(new BigInteger(1, key));
      assertThat(ours.address().value()).as("seed %d, i %d", seed, i).isEqualTo("0x" + Keys.getAddress(theirs));
      Sign.SignatureData expected = Sign.signPrefixedMessage(message, theirs);
      byte[] expectedBytes = new byte[65];
      System.arraycopy(expected.getR(), 0, expectedBytes, 0, 32);
      System.arraycopy(expected.getS(), 0, expectedBytes, 32, 32);
      expectedBytes[64] = expected.getV()[0];
      assertThat(ours.sign(message).bytes()).as("seed %d, i %d", seed, i).containsExactly(expectedBytes);
      assertThat(new BigInteger(1, Sign.signedPrefixedMessageToKey(message, expected).toByteArray()))
          .isEqualTo(theirs.getPublicKey());
    }
  }

  @Test
  void a_changed_message_recovers_another_address() {
    Signer signer = Signers.generate(seeded(7));
    Signature signature = signer.sign(SOME_DATA);
    assertThat(Signatures.recoverSigner("Some datA".getBytes(StandardCharsets.UTF_8), signature))
        .isNotEqualTo(signer.address());
    assertThat(Signatures.isSignedBy(SOME_DATA, signature, signer.address())).isTrue();
  }

  @Test
  void signatures_are_low_s_and_round_trip_in_hex() {
    Signer signer = Signers.generate(seeded(8));
    for (int i = 0; i < 20; i++) {
      Signature signature = signer.sign(new byte[] {(byte) i});
      assertThat(signature.s()).isLessThanOrEqualTo(Secp256k1.HALF_N);
      assertThat(Signature.parse(signature.toHex())).isEqualTo(signature);
    }
  }

  @Test
  void reads_v_as_0_or_1_and_refuses_high_s() {
    byte[] bytes = Signers.fromPrivateKey(WEB3_KEY).sign(SOME_DATA).bytes();
    bytes[64] = 1;
    assertThat(Signature.of(bytes).v()).isEqualTo(28);
    Signature low = Signature.of(bytes);
    BigInteger highS = Secp256k1.N.subtract(low.s());
    assertThatThrownBy(() -> new Signature(low.r(), highS, 27))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("high s");
  }

  @Test
  void refuses_keys_outside_the_curve_order() {
    assertThatThrownBy(() -> Signers.fromPrivateKey(new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Signers.fromPrivateKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void never_shows_the_key() {
    Signer signer = Signers.fromPrivateKey(WEB3_KEY);
    assertThat(signer.toString()).doesNotContain("4c0883a6").contains(signer.address().toString());
  }

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
