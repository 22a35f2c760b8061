package dev.gaia.knowledge.chunk;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Chunker;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.load.BlockFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Sections by heading: a new chunk starts at each heading block (see {@link
 * BlockFields#HEADING_LEVEL}) of level {@code headingLevel} or less and runs to the next one;
 * deeper headings stay inside. A section over {@code maxTokens} is cut by the token rule. A
 * document without headings (text, PDF) is one section. Chunk headings are those of the chunk's
 * first block, so a section's chunks carry its heading path.
 */
record MarkdownChunker(ChunkerSettings settings, TokenWindows windows) implements Chunker {

  @Override
  public List<Chunk> chunk(Document document) {
    LaidOutDocument laidOut = new LaidOutDocument(document);
    List<Chunk> chunks = new ArrayList<>();
    List<Block> blocks = laidOut.blocks();
    int sectionStart = 0;
    for (int i = 1; i <= blocks.size(); i++) {
      if (i == blocks.size() || startsSection(blocks.get(i))) {
        Block last = blocks.get(i - 1);
        int from = blocks.get(sectionStart).offset();
        int to = last.offset() + last.text().length();
        for (Span span : windows.split(laidOut.text(), from, to)) {
          chunks.add(laidOut.chunk(span));
        }
        sectionStart = i;
      }
    }
    return chunks;
  }

  private boolean startsSection(Block block) {
    String level = block.fields().get(BlockFields.HEADING_LEVEL);
    return level != null && Integer.parseInt(level) <= settings.headingLevel();
  }
}
