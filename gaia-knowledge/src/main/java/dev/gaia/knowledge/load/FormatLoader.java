package dev.gaia.knowledge.load;

import dev.gaia.knowledge.Block;
import java.util.List;
import java.util.Objects;

/** Reads one file format into blocks. Implementations are stateless and thread-safe. */
interface FormatLoader {

  /**
   * @param bytes the whole file
   * @param fileName the file's name without folders, the fallback title
   * @throws UnreadableFile when the bytes are not valid for the format
   */
  Parsed parse(byte[] bytes, String fileName) throws UnreadableFile;

  /** What a loader read; {@code blocks} may be empty (the file has no text). */
  record Parsed(String title, List<Block> blocks) {
    public Parsed {
      Objects.requireNonNull(title, "title");
      blocks = List.copyOf(blocks);
    }
  }
}
