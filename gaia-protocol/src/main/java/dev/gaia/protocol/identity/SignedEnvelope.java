package dev.gaia.protocol.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.canonical.CanonicalJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A state-changing message (join, heartbeat, leave, receipts) signed by its sender. On the wire:
 *
 * <pre>{"payload":{...},"signer":"0x5aAe…","nonce":"32 hex","issuedAt":"2025-01-01T00:00:00Z",
 *  "expiresAt":"2025-01-01T00:01:00Z","signature":"0x…130 hex"}</pre>
 *
 * The signature is EIP-191 personal-sign over {@link #signingInput()}; it says nothing by itself:
 * pass the envelope through an {@link EnvelopeVerifier} before trusting the payload. Timestamps
 * are whole seconds in UTC; the nonce is 16 random bytes in lower-case hex. The payload is kept as
 * the JSON tree that was signed (not a typed record) so that verification never depends on a
 * re-serialisation; map it to a record after verifying. Immutable: the payload is copied in and
 * out.
 */
public record SignedEnvelope(
    JsonNode payload, Address signer, String nonce, Instant issuedAt, Instant expiresAt,
    Signature signature) {
  private static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");

  public SignedEnvelope {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(signature, "signature");
    if (!NONCE.matcher(nonce).matches()) {
      throw new IllegalArgumentException("nonce must be 32 lower-case hex digits, got \"" + nonce + "\"");
    }
    if (issuedAt.getNano() != 0 || expiresAt.getNano() != 0) {
      throw new IllegalArgumentException("issuedAt and expiresAt must be whole seconds");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("expiresAt " + expiresAt + " is not after issuedAt " + issuedAt);
    }
    payload = payload.deepCopy();
  }

  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }

  /** The exact bytes the signature covers; see {@link #signingInput(JsonNode, Address, String, Instant, Instant)}. */
  public byte[] signingInput() {
    return signingInput(payload, signer, nonce, issuedAt, expiresAt);
  }

  /**
   * The one definition of what an envelope signs: the RFC 8785 canonical JSON of
   *
   * <pre>{"expiresAt":ISO-8601,"issuedAt":ISO-8601,"nonce":hex,"payload":{...},"signer":EIP-55}</pre>
   *
   * (the envelope without its signature; members in canonical order), UTF-8. Timestamps are
   * written as {@link Instant#toString()} writes whole seconds ({@code 2025-01-01T00:00:00Z}), the
   * signer in its EIP-55 form, so the bytes follow from the values, not from how they were spelt.
   */
  public static byte[] signingInput(
      JsonNode payload, Address signer, String nonce, Instant issuedAt, Instant expiresAt) {
    ObjectNode signed = JsonNodeFactory.instance.objectNode();
    signed.set("payload", payload);
    signed.put("signer", signer.toString());
    signed.put("nonce", nonce);
    signed.put("issuedAt", issuedAt.toString());
    signed.put("expiresAt", expiresAt.toString());
    return CanonicalJson.bytes(signed);
  }

  /** The wire form. */
  @JsonValue
  public ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("payload", payload.deepCopy());
    out.put("signer", signer.toString());
    out.put("nonce", nonce);
    out.put("issuedAt", issuedAt.toString());
    out.put("expiresAt", expiresAt.toString());
    out.put("signature", signature.toHex());
    return out;
  }

  /**
   * Reads the wire form. Fails with INVALID_REQUEST naming the field ({@code envelope.nonce}, …)
   * when a field is missing or malformed; says nothing yet about the signature.
   */
  @JsonCreator
  public static SignedEnvelope fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw GaiaException.invalid("envelope", "a signed envelope must be a JSON object");
    }
    JsonNode payload = json.get("payload");
    if (payload == null) {
      throw GaiaException.invalid("envelope.payload", "envelope has no payload");
    }
    Address signer = field(json, "signer", Address::parse);
    String nonce = field(json, "nonce", s -> s);
    Instant issuedAt = field(json, "issuedAt", Instant::parse);
    Instant expiresAt = field(json, "expiresAt", Instant::parse);
    Signature signature = field(json, "signature", Signature::parse);
    try {
      return new SignedEnvelope(payload, signer, nonce, issuedAt, expiresAt, signature);
    } catch (IllegalArgumentException e) {
      throw GaiaException.invalid("envelope", e.getMessage());
    }
  }

  private interface Reader<T> {
    T read(String text);
  }

  private static <T> T field(JsonNode json, String name, Reader<T> reader) {
    JsonNode value = json.get(name);
    if (value == null || !value.isTextual()) {
      throw GaiaException.invalid("envelope." + name, "envelope." + name + " must be a string");
    }
    try {
      return reader.read(value.textValue());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw GaiaException.invalid("envelope." + name, "envelope." + name + " is malformed: " + e.getMessage());
    }
  }
}
