package dev.gaia.knowledge;

import java.util.List;

/** Cuts a document into chunks. Implementations are stateless and thread-safe. */
public interface Chunker {
  List<Chunk> chunk(Document document);

  /** The settings that produced these chunks, recorded in the package manifest. */
  ChunkerSettings settings();
}
