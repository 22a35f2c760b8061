package dev.gaia.knowledge.load;

import dev.gaia.knowledge.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects a document's blocks in reading order and gives each its offset in {@link
 * DocumentText}. Blank texts are dropped and texts are stripped of surrounding whitespace, so no
 * block is blank. Not thread-safe: one per document being read.
 */
final class BlockList {
  private final List<Block> blocks = new ArrayList<>();
  private int length;

  void add(String text) {
    add(text, List.of(), 0, Map.of());
  }

  void add(String text, List<String> headings) {
    add(text, headings, 0, Map.of());
  }

  void add(String text, List<String> headings, int page, Map<String, String> fields) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return;
    }
    int offset = blocks.isEmpty() ? 0 : length + DocumentText.SEPARATOR.length();
    blocks.add(new Block(stripped, headings, page, offset, fields));
    length = offset + stripped.length();
  }

  List<Block> blocks() {
    return List.copyOf(blocks);
  }
}
