package dev.gaia.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run of text with the same structure: a paragraph, a table row, a page's text.
 *
 * @param text the text, never blank
 * @param headings the heading path above it, outermost first (empty when the format has none)
 * @param page 1-based page number for paged formats (PDF), 0 when not paged
 * @param offset character offset of {@code text} in the document's text (the blocks joined by
 *     blank lines), so citations can point into the source
 * @param fields format-specific values kept with the chunk, e.g. a CSV row's source column
 */
public record Block(String text, List<String> headings, int page, int offset, Map<String, String> fields) {
  public Block {
    Objects.requireNonNull(text, "text");
    headings = List.copyOf(headings);
    fields = Map.copyOf(fields);
    if (page < 0 || offset < 0) {
      throw new IllegalArgumentException("page and offset must be >= 0");
    }
  }

  public static Block of(String text, int offset) {
    return new Block(text, List.of(), 0, offset, Map.of());
  }
}
