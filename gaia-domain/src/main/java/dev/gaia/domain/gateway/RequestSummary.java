package dev.gaia.domain.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.domain.routing.RouteRequest;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway reads of a request body: just enough to route it. The body itself is forwarded
 * unchanged.
 *
 * @param model the {@code model} field; empty when absent (any node may answer)
 * @param stream the {@code stream} field
 * @param affinityKey SHA-256 (hex) of a chat's conversation prefix: every message before the last
 *     user message (system prompt and earlier turns), each as its role and content; empty for
 *     other endpoints and for single-turn chats without a system message
 */
record RequestSummary(Optional<String> model, boolean stream, Optional<String> affinityKey) {
  private static final char FIELD = '\u001f';
  private static final char RECORD = '\u001e';

  RequestSummary {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(affinityKey, "affinityKey");
  }

  RouteRequest route() {
    return new RouteRequest(model, affinityKey);
  }

  /**
   * Reads a request body.
   *
   * @param chat whether the body is a chat completion request (the only kind with affinity)
   * @throws GaiaException invalid request when the body is not a JSON object or {@code model} or
   *     {@code stream} have the wrong type
   */
  static RequestSummary read(ObjectMapper json, byte[] body, boolean chat) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST, "The request body is not valid JSON.", null, "invalid_json");
    }
    if (root == null || !root.isObject()) {
      throw GaiaException.invalid(null, "The request body must be a JSON object.");
    }
    JsonNode model = root.get("model");
    if (model != null && !model.isNull() && !model.isTextual()) {
      throw GaiaException.invalid("model", "model must be a string.");
    }
    JsonNode stream = root.get("stream");
    if (stream != null && !stream.isNull() && !stream.isBoolean()) {
      throw GaiaException.invalid("stream", "stream must be a boolean.");
    }
    return new RequestSummary(
        model == null || model.isNull() || model.asText().isEmpty() ? Optional.empty() : Optional.of(model.asText()),
        stream != null && stream.asBoolean(),
        chat ? affinity(root.get("messages")) : Optional.empty());
  }

  /** Canonical text: for each prefix message, role, U+001F, content (text, or compact JSON), U+001E. */
  static Optional<String> affinity(JsonNode messages) {
    if (messages == null || !messages.isArray()) {
      return Optional.empty();
    }
    int lastUser = -1;
    for (int i = 0; i < messages.size(); i++) {
      if ("user".equals(messages.get(i).path("role").asText())) {
        lastUser = i;
      }
    }
    int end = lastUser >= 0 ? lastUser : messages.size();
    if (end == 0) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < end; i++) {
      JsonNode m = messages.get(i);
      JsonNode content = m.path("content");
      text.append(m.path("role").asText()).append(FIELD)
          .append(content.isTextual() ? content.asText() : content.isMissingNode() ? "" : content.toString())
          .append(RECORD);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return Optional.of(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
