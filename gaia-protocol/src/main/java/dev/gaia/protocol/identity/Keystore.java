package dev.gaia.protocol.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.files.AtomicFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A private key encrypted at rest in the Web3 Secret Storage v3 format, as geth, MetaMask and
 * web3 write it: the passphrase goes through scrypt or PBKDF2-HMAC-SHA256 to a 32-byte key; its
 * first 16 bytes encrypt the private key with AES-128-CTR, and keccak256(its last 16 bytes ||
 * ciphertext) is the MAC that tells a wrong passphrase. Immutable and thread-safe.
 *
 * <p>A file altered in its ciphertext or MAC cannot be told from a wrong passphrase (both fail the
 * MAC); an altered {@code address} or a structurally broken file is reported as damaged.
 */
public final class Keystore {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int KEY_BYTES = 32;

  private final String source;
  private final UUID id;
  private final Optional<Address> address;
  private final Kdf kdf;
  private final byte[] salt;
  private final byte[] iv;
  private final byte[] ciphertext;
  private final byte[] mac;

  private Keystore(
      String source, UUID id, Optional<Address> address, Kdf kdf, byte[] salt, byte[] iv,
      byte[] ciphertext, byte[] mac) {
    this.source = source;
    this.id = id;
    this.address = address;
    this.kdf = kdf;
    this.salt = salt;
    this.iv = iv;
    this.ciphertext = ciphertext;
    this.mac = mac;
  }

  /** Encrypts a fresh key drawn from {@code random} under {@code passphrase}. */
  public static Keystore generate(char[] passphrase, Kdf kdf, SecureRandom random) {
    return encrypt(new KeyPairSigner(Signers.randomPrivateKey(random)), passphrase, kdf, random);
  }

  /** Encrypts an existing 32-byte private key (an import) under {@code passphrase}. */
  public static Keystore create(byte[] privateKey, char[] passphrase, Kdf kdf, SecureRandom random) {
    return encrypt(Signers.keyPair(privateKey), passphrase, kdf, random);
  }

  private static Keystore encrypt(KeyPairSigner signer, char[] passphrase, Kdf kdf, SecureRandom random) {
    byte[] salt = new byte[32];
    byte[] iv = new byte[16];
    random.nextBytes(salt);
    random.nextBytes(iv);
    byte[] uuid = new byte[16];
    random.nextBytes(uuid);
    byte[] derived = derive(kdf, passphrase, salt);
    byte[] key = signer.privateKeyBytes();
    try {
      byte[] ciphertext = aes128Ctr(derived, iv, key);
      return new Keystore(
          "<new keystore>", uuidV4(uuid), Optional.of(signer.address()), kdf, salt, iv,
          ciphertext, mac(derived, ciphertext));
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(derived, (byte) 0);
    }
  }

  /** Reads a keystore file. Fails with NOT_FOUND when it is missing, INVALID_REQUEST when damaged. */
  public static Keystore read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw GaiaException.notFound(null, "keystore " + path + " does not exist");
    } catch (IOException e) {
      throw damaged(path.toString(), "cannot be read: " + e.getMessage());
    }
    return parse(text, path.toString());
  }

  /** Reads keystore JSON; {@code source} names it in error messages (a path, say). */
  public static Keystore parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw damaged(source, "is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw damaged(source, "is not a JSON object");
    }
    if (root.path("version").asInt(-1) != 3) {
      throw damaged(source, "has version " + root.path("version") + "; only version 3 is supported");
    }
    JsonNode crypto = root.has("crypto") ? root.get("crypto") : root.path("Crypto");
    try {
      String cipher = text(crypto, "cipher");
      if (!cipher.equals("aes-128-ctr")) {
        throw damaged(source, "uses cipher " + cipher + "; only aes-128-ctr is supported");
      }
      JsonNode params = crypto.path("kdfparams");
      String kdfName = text(crypto, "kdf");
      Kdf kdf =
          switch (kdfName) {
            case "scrypt" -> new Kdf.Scrypt(integer(params, "n"), integer(params, "r"), integer(params, "p"));
            case "pbkdf2" -> {
              if (!text(params, "prf").equals("hmac-sha256")) {
                throw damaged(source, "uses pbkdf2 prf " + params.path("prf") + "; only hmac-sha256 is supported");
              }
              yield new Kdf.Pbkdf2(integer(params, "c"));
            }
            default -> throw damaged(source, "uses kdf " + kdfName + "; only scrypt and pbkdf2 are supported");
          };
      if (integer(params, "dklen") != KEY_BYTES) {
        throw damaged(source, "has kdfparams.dklen " + params.path("dklen") + "; only 32 is supported");
      }
      byte[] salt = Hex.decodeAny(text(params, "salt"), "kdfparams.salt");
      Optional<Address> address =
          root.hasNonNull("address") ? Optional.of(Address.parse(prefixed(text(root, "address")))) : Optional.empty();
      UUID id = root.hasNonNull("id") ? UUID.fromString(text(root, "id")) : new UUID(0, 0);
      return new Keystore(
          source, id, address, kdf, salt,
          Hex.decode(text(crypto.path("cipherparams"), "iv"), 16, "cipherparams.iv"),
          Hex.decode(text(crypto, "ciphertext"), KEY_BYTES, "ciphertext"),
          Hex.decode(text(crypto, "mac"), 32, "mac"));
    } catch (IllegalArgumentException e) {
      throw damaged(source, "is malformed: " + e.getMessage());
    }
  }

  /** Reads the file at {@code path} and unlocks it: {@code read(path).unlock(passphrase)}. */
  public static Signer unlock(Path path, char[] passphrase) {
    return read(path).unlock(passphrase);
  }

  /**
   * Decrypts the key. Fails with UNAUTHORIZED (code {@code wrong_passphrase}) when the MAC does
   * not match, and INVALID_REQUEST (code {@code keystore_damaged}) when the key inside is not a
   * valid key or not the one the {@code address} field names. Costs one KDF run.
   */
  public Signer unlock(char[] passphrase) {
    byte[] derived = derive(kdf, passphrase, salt);
    byte[] key = null;
    try {
      if (!MessageDigest.isEqual(mac(derived, ciphertext), mac)) {
        throw new GaiaException(
            ErrorKind.UNAUTHORIZED, "wrong passphrase for keystore " + source, null, "wrong_passphrase");
      }
      key = aes128Ctr(derived, iv, ciphertext);
      BigInteger d = new BigInteger(1, key);
      if (!Secp256k1.isValidPrivateKey(d)) {
        throw damaged(source, "holds no valid secp256k1 key");
      }
      KeyPairSigner signer = new KeyPairSigner(d);
      if (address.isPresent() && !address.get().equals(signer.address())) {
        throw damaged(
            source, "names address " + address.get() + " but holds the key of " + signer.address());
      }
      return signer;
    } finally {
      Arrays.fill(derived, (byte) 0);
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  /** The address the file names, if it names one (v3 files may leave it out). */
  public Optional<Address> address() {
    return address;
  }

  public UUID id() {
    return id;
  }

  public Kdf kdf() {
    return kdf;
  }

  /** The v3 JSON, as geth writes it (address in lower case without {@code 0x}). */
  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    address.ifPresent(a -> root.put("address", a.value().substring(2)));
    ObjectNode crypto = root.putObject("crypto");
    crypto.put("cipher", "aes-128-ctr");
    crypto.put("ciphertext", Hex.encode(ciphertext));
    crypto.putObject("cipherparams").put("iv", Hex.encode(iv));
    ObjectNode params = MAPPER.createObjectNode();
    switch (kdf) {
      case Kdf.Scrypt s -> {
        crypto.put("kdf", "scrypt");
        params.put("dklen", KEY_BYTES).put("n", s.n()).put("p", s.p()).put("r", s.r());
      }
      case Kdf.Pbkdf2 p -> {
        crypto.put("kdf", "pbkdf2");
        params.put("c", p.iterations()).put("dklen", KEY_BYTES).put("prf", "hmac-sha256");
      }
    }
    params.put("salt", Hex.encode(salt));
    crypto.set("kdfparams", params);
    crypto.put("mac", Hex.encode(mac));
    root.put("id", id.toString());
    root.put("version", 3);
    return root.toPrettyString();
  }

  /**
   * Writes the file atomically, readable and writable by its owner only (0600 where the file
   * system is POSIX). Refuses to replace an existing file: a key overwritten is a key lost.
   */
  public void write(Path path) {
    if (Files.exists(path)) {
      throw GaiaException.invalid(null, "keystore " + path + " already exists; not overwriting it");
    }
    // The temporary file AtomicFiles creates is already 0600 on POSIX; the rename keeps that.
    AtomicFiles.writeString(path, toJson());
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      try {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      } catch (IOException e) {
        throw GaiaException.internal("cannot restrict permissions of " + path, e);
      }
    }
  }

  @Override
  public String toString() {
    return "Keystore[" + address.map(Address::toString).orElse("no address") + ", " + kdf + "]";
  }

  private static byte[] derive(Kdf kdf, char[] passphrase, byte[] salt) {
    byte[] secret = utf8(passphrase);
    try {
      return switch (kdf) {
        case Kdf.Scrypt s -> Scrypt.derive(secret, salt, s.n(), s.r(), s.p(), KEY_BYTES);
        case Kdf.Pbkdf2 p -> {
          PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
          gen.init(secret, salt, p.iterations());
          yield ((KeyParameter) gen.generateDerivedParameters(KEY_BYTES * 8)).getKey();
        }
      };
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static byte[] mac(byte[] derived, byte[] ciphertext) {
    return Keccak.keccak256(Arrays.copyOfRange(derived, 16, 32), ciphertext);
  }

  /** AES-128-CTR with the first 16 derived bytes; encryption and decryption are the same. */
  private static byte[] aes128Ctr(byte[] derived, byte[] iv, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 16, "AES"), new IvParameterSpec(iv));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw GaiaException.internal("AES-128-CTR is unavailable in this JDK", e);
    }
  }

  private static byte[] utf8(char[] chars) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return out;
  }

  private static UUID uuidV4(byte[] b) {
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    ByteBuffer buf = ByteBuffer.wrap(b);
    return new UUID(buf.getLong(), buf.getLong());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + " is missing or not a string");
    }
    return value.textValue();
  }

  private static int integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("kdfparams." + field + " is missing or not an integer");
    }
    return value.intValue();
  }

  private static String prefixed(String hex) {
    return hex.startsWith("0x") ? hex : "0x" + hex;
  }

  private static GaiaException damaged(String source, String what) {
    return new GaiaException(
        ErrorKind.INVALID_REQUEST, "keystore " + source + " " + what, null, "keystore_damaged");
  }
}
