package dev.gaia.knowledge.chunk;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.Hashes;
import dev.gaia.knowledge.load.DocumentText;
import java.util.List;

/**
 * A document with its {@link DocumentText}, checked to agree with the blocks' offsets, and the
 * way chunks are made from ranges of it. Immutable.
 */
final class LaidOutDocument {
  private final Document document;
  private final String text;

  LaidOutDocument(Document document) {
    this.document = document;
    this.text = DocumentText.of(document);
    for (Block block : document.blocks()) {
      if (!text.startsWith(block.text(), block.offset())) {
        throw new IllegalArgumentException(
            "document " + document.source() + ": block offsets do not follow DocumentText (block at "
                + block.offset() + ")");
      }
    }
  }

  String text() {
    return text;
  }

  List<Block> blocks() {
    return document.blocks();
  }

  /** The last block starting at or before {@code offset}; the document must have blocks. */
  Block blockAt(int offset) {
    List<Block> blocks = document.blocks();
    int low = 0;
    int high = blocks.size() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (blocks.get(mid).offset() <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return blocks.get(low);
  }

  /** A chunk whose text is the span's text, embedded as is. */
  Chunk chunk(Span span) {
    String piece = text.substring(span.start(), span.end());
    return chunk(span, piece, piece);
  }

  /** A chunk over the span whose text and embedded text come from elsewhere (CSV). */
  Chunk chunk(Span span, String chunkText, String embeddingText) {
    Block first = blockAt(span.start());
    return new Chunk(
        Hashes.chunkId(document.source(), span.start(), span.end(), chunkText),
        document.source(),
        document.title(),
        first.headings(),
        first.page(),
        span.start(),
        span.end(),
        chunkText,
        embeddingText);
  }
}
