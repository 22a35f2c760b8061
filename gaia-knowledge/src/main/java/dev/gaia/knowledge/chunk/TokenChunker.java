package dev.gaia.knowledge.chunk;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Chunker;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import java.util.List;

/** The default: the token rule ({@link TokenWindows}) over the whole text, across blocks. */
record TokenChunker(ChunkerSettings settings, TokenWindows windows) implements Chunker {

  @Override
  public List<Chunk> chunk(Document document) {
    LaidOutDocument laidOut = new LaidOutDocument(document);
    return windows.split(laidOut.text(), 0, laidOut.text().length()).stream().map(laidOut::chunk).toList();
  }
}
