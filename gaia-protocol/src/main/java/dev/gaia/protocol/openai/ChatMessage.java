package dev.gaia.protocol.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request message. {@code content} is a string, an array of content parts
 * ({@code [{"type":"text","text":"..."}]}) or null (assistant tool calls); {@link #text()} reads
 * it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMessage(String role, JsonNode content, String name) {

  /**
   * The message's plain text: the string, or the text parts joined with newlines.
   *
   * @throws IllegalArgumentException for non-text parts or a content of the wrong JSON type
   */
  public String text() {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder out = new StringBuilder();
      for (JsonNode part : content) {
        String type = part.path("type").asText("");
        if (!type.equals("text") || !part.path("text").isTextual()) {
          throw new IllegalArgumentException(
              "only text content parts are supported, got type '" + type + "'");
        }
        if (!out.isEmpty()) {
          out.append('\n');
        }
        out.append(part.get("text").asText());
      }
      return out.toString();
    }
    throw new IllegalArgumentException("content must be a string or an array of content parts");
  }
}
