package dev.gaia.knowledge.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines: one JSON object per line, one block per object. The text is the string field
 * {@code text}, else {@code content}; an object's {@code title}, when present, is the block's
 * heading, and {@code title} and {@code source} are kept in the block's fields with the 1-based
 * {@code line}. Blank lines are skipped; any other line that is not an object with a text is an
 * error naming the line. The document stays one file: its source is the file, not the objects'
 * {@code source}. Title: the file name.
 */
final class JsonLinesLoader implements FormatLoader {
  private final ObjectMapper json;

  JsonLinesLoader(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Parsed parse(byte[] bytes, String fileName) throws UnreadableFile {
    String[] lines = Utf8Text.decode(bytes).split("\n", -1);
    BlockList blocks = new BlockList();
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      if (lines[i].isBlank()) {
        continue;
      }
      JsonNode object;
      try {
        object = json.readTree(lines[i]);
      } catch (JsonProcessingException e) {
        throw new UnreadableFile("line " + line + ": not JSON (" + e.getOriginalMessage() + ")", e);
      }
      if (object == null || !object.isObject()) {
        throw new UnreadableFile("line " + line + ": not a JSON object");
      }
      JsonNode text = object.hasNonNull("text") ? object.get("text") : object.get("content");
      if (text == null || !text.isTextual()) {
        throw new UnreadableFile("line " + line + ": no string field \"text\" or \"content\"");
      }
      Map<String, String> fields = new HashMap<>();
      fields.put(BlockFields.LINE, Integer.toString(line));
      List<String> headings = List.of();
      for (String name : List.of("title", "source")) {
        JsonNode value = object.get(name);
        if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
          fields.put(name, value.asText().strip());
        }
      }
      if (fields.containsKey("title")) {
        headings = List.of(fields.get("title"));
      }
      blocks.add(text.asText(), headings, 0, fields);
    }
    return new Parsed(fileName, blocks.blocks());
  }
}
