package dev.gaia.knowledge.load;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Document;

/**
 * The one definition of a document's text: its blocks' texts joined by {@link #SEPARATOR} (a
 * blank line). {@link Block#offset()} and the chunk offsets all point into this string, so that
 * {@code DocumentText.of(d).substring(b.offset(), b.offset() + b.text().length())} is the block's
 * text. It is not the file's text: loaders drop markup and collapse runs of blank lines.
 */
public final class DocumentText {
  /** Between two consecutive blocks. */
  public static final String SEPARATOR = "\n\n";

  private DocumentText() {}

  public static String of(Document document) {
    StringBuilder text = new StringBuilder();
    for (Block block : document.blocks()) {
      if (!text.isEmpty()) {
        text.append(SEPARATOR);
      }
      text.append(block.text());
    }
    return text.toString();
  }
}
