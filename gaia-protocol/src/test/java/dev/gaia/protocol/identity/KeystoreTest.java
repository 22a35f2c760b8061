package dev.gaia.protocol.identity;

import static dev.gaia.protocol.identity.SignerTest.seeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {
  // Web3 Secret Storage Definition (Ethereum wiki), test vectors: password "testpassword".
  static final String VECTOR_KEY = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
  static final String PBKDF2_VECTOR =
      """
      {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
       "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
       "kdf":"pbkdf2","kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256",
       "salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
       "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
       "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
      """;
  static final String SCRYPT_VECTOR =
      """
      {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
       "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
       "kdf":"scrypt","kdfparams":{"dklen":32,"n":262144,"p":8,"r":1,
       "salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
       "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
       "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
      """;
  static final Kdf FAST = new Kdf.Scrypt(1 << 10, 8, 1);
  static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

  @TempDir Path dir;

  @Test
  void unlocks_the_official_pbkdf2_vector() {
    Signer signer = Keystore.parse(PBKDF2_VECTOR, "pbkdf2 vector").unlock("testpassword".toCharArray());
    assertThat(signer.address()).isEqualTo(expectedVectorAddress());
  }

  @Test
  void unlocks_the_official_scrypt_vector() {
    Signer signer = Keystore.parse(SCRYPT_VECTOR, "scrypt vector").unlock("testpassword".toCharArray());
    assertThat(signer.address()).isEqualTo(expectedVectorAddress());
  }

  @Test
  void refuses_the_official_vector_with_another_passphrase() {
    Keystore keystore = Keystore.parse(PBKDF2_VECTOR, "pbkdf2 vector");
    assertThatThrownBy(() -> keystore.unlock("testpassword!".toCharArray()))
        .isInstanceOfSatisfying(GaiaException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
          assertThat(e.code()).contains("wrong_passphrase");
        })
        .hasMessage("wrong passphrase for keystore pbkdf2 vector");
  }

  @Test
  void writes_an_owner_only_file_that_unlocks_to_the_same_key() throws Exception {
    Keystore keystore = Keystore.create(HexFormat.of().parseHex(VECTOR_KEY), PASSPHRASE, FAST, seeded(1));
    Path file = dir.resolve("node").resolve("keystore.json");
    keystore.write(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String json = Files.readString(file);
    assertThat(json).doesNotContain(VECTOR_KEY).contains("\"version\" : 3").contains("\"kdf\" : \"scrypt\"");
    assertThat(Keystore.unlock(file, PASSPHRASE).address()).isEqualTo(expectedVectorAddress());
    assertThat(Keystore.read(file).address()).contains(expectedVectorAddress());
  }

  @Test
  void round_trips_pbkdf2_and_generated_keys() {
    Keystore keystore = Keystore.generate(PASSPHRASE, new Kdf.Pbkdf2(1000), seeded(2));
    Keystore reread = Keystore.parse(keystore.toJson(), "memory");
    assertThat(reread.kdf()).isEqualTo(new Kdf.Pbkdf2(1000));
    assertThat(reread.id()).isEqualTo(keystore.id());
    assertThat(reread.unlock(PASSPHRASE).address()).isEqualTo(keystore.address().orElseThrow());
  }

  @Test
  void names_the_file_when_the_passphrase_is_wrong() {
    Path file = dir.resolve("key.json");
    Keystore.generate(PASSPHRASE, FAST, seeded(3)).write(file);
    assertThatThrownBy(() -> Keystore.unlock(file, "nope".toCharArray()))
        .isInstanceOf(GaiaException.class)
        .hasMessage("wrong passphrase for keystore " + file);
  }

  @Test
  void reports_a_swapped_address_as_damage() throws Exception {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(
        Keystore.generate(PASSPHRASE, FAST, seeded(4)).toJson());
    json.put("address", "de709f2102306220921060314715629080e2fb77");
    assertThatThrownBy(() -> Keystore.parse(json.toString(), "k.json").unlock(PASSPHRASE))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.code()).contains("keystore_damaged"))
        .hasMessageContaining("names address 0xde709f2102306220921060314715629080e2fb77 but holds the key of");
  }

  @Test
  void a_changed_ciphertext_fails_the_mac() throws Exception {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(
        Keystore.generate(PASSPHRASE, FAST, seeded(5)).toJson());
    ObjectNode crypto = (ObjectNode) json.get("crypto");
    String ciphertext = crypto.get("ciphertext").textValue();
    crypto.put("ciphertext", (ciphertext.charAt(0) == '0' ? "1" : "0") + ciphertext.substring(1));
    assertThatThrownBy(() -> Keystore.parse(json.toString(), "k.json").unlock(PASSPHRASE))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.code()).contains("wrong_passphrase"));
  }

  @Test
  void reports_broken_files_clearly() throws Exception {
    assertThatThrownBy(() -> Keystore.parse("{not json", "a.json"))
        .hasMessage("keystore a.json is not JSON");
    assertThatThrownBy(() -> Keystore.parse(PBKDF2_VECTOR.replace("\"version\":3", "\"version\":1"), "b.json"))
        .hasMessageContaining("keystore b.json has version 1");
    assertThatThrownBy(() -> Keystore.parse(PBKDF2_VECTOR.replace("6087dab2", "6087"), "c.json"))
        .hasMessageContaining("keystore c.json is malformed: cipherparams.iv must be 32 hex digits");
    assertThatThrownBy(() -> Keystore.parse(SCRYPT_VECTOR.replace("\"n\":262144", "\"n\":1073741824"), "d.json"))
        .hasMessageContaining("scrypt n must be a power of two in [2, 2^20]");
    assertThatThrownBy(() -> Keystore.read(dir.resolve("missing.json")))
        .isInstanceOfSatisfying(GaiaException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void never_overwrites_a_keystore() {
    Path file = dir.resolve("key.json");
    Keystore.generate(PASSPHRASE, FAST, seeded(6)).write(file);
    assertThatThrownBy(() -> Keystore.generate(PASSPHRASE, FAST, seeded(7)).write(file))
        .hasMessageContaining("already exists");
  }

  private static Address expectedVectorAddress() {
    return Signers.fromPrivateKey(HexFormat.of().parseHex(VECTOR_KEY)).address();
  }
}
