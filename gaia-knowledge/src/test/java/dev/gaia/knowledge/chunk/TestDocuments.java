package dev.gaia.knowledge.chunk;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.load.DocumentText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds documents whose block offsets follow {@link DocumentText}, as loaders do. */
final class TestDocuments {
  private final String source;
  private final List<Block> blocks = new ArrayList<>();
  private int length;

  private TestDocuments(String source) {
    this.source = source;
  }

  static TestDocuments named(String source) {
    return new TestDocuments(source);
  }

  /** Words counted as one token each: makes window sizes easy to read in tests. */
  static final TokenCounter WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

  TestDocuments text(String text) {
    return block(text, List.of(), 0, Map.of());
  }

  TestDocuments block(String text, List<String> headings, int page, Map<String, String> fields) {
    int offset = blocks.isEmpty() ? 0 : length + DocumentText.SEPARATOR.length();
    blocks.add(new Block(text, headings, page, offset, fields));
    length = offset + text.length();
    return this;
  }

  Document build() {
    return new Document(source, "Title of " + source, "text/plain", "0".repeat(64), blocks);
  }
}
