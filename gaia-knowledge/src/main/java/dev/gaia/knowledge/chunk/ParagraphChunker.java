package dev.gaia.knowledge.chunk;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Chunker;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gaia's paragraph rule: paragraphs are separated by blank lines (a line of only spaces counts),
 * and each is a chunk; one longer than {@code maxTokens} is cut by the token rule. Every block
 * boundary is a blank line in the document text, so blocks never share a chunk.
 */
record ParagraphChunker(ChunkerSettings settings, TokenWindows windows) implements Chunker {
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f]*\\n");

  @Override
  public List<Chunk> chunk(Document document) {
    LaidOutDocument laidOut = new LaidOutDocument(document);
    String text = laidOut.text();
    List<Chunk> chunks = new ArrayList<>();
    int from = 0;
    Matcher blank = BLANK_LINE.matcher(text);
    while (from < text.length()) {
      boolean found = blank.find(from);
      int to = found ? blank.start() : text.length();
      for (Span span : windows.split(text, from, to)) {
        chunks.add(laidOut.chunk(span));
      }
      from = found ? blank.end() : text.length();
    }
    return chunks;
  }
}
