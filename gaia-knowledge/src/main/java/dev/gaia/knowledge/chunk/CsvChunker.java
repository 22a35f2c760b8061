package dev.gaia.knowledge.chunk;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Chunker;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import dev.gaia.protocol.GaiaException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Gaia's CSV rule: one chunk per row (block), embedding the {@code csvEmbedColumn} cell and
 * returning the {@code csvSourceColumn} cell (the embedded cell when that setting is empty or the
 * cell is blank). Columns are looked up in the block's fields, by index or header name (see the
 * CSV loader). A row with a blank embedded cell gives no chunk. The chunk's offsets are the
 * row's block; its text is a cell, not that range of the document text. Not cut by tokens: a row
 * is the unit Gaia retrieves.
 */
record CsvChunker(ChunkerSettings settings) implements Chunker {

  /** @throws GaiaException (invalid request) when a row lacks the embedded or returned column */
  @Override
  public List<Chunk> chunk(Document document) {
    LaidOutDocument laidOut = new LaidOutDocument(document);
    List<Chunk> chunks = new ArrayList<>();
    for (int row = 0; row < document.blocks().size(); row++) {
      Block block = document.blocks().get(row);
      String embedded = cell(document, block, row, settings.csvEmbedColumn(), "csv_embed_column");
      if (embedded.isBlank()) {
        continue;
      }
      String returned =
          settings.csvSourceColumn().isEmpty()
              ? embedded
              : cell(document, block, row, settings.csvSourceColumn(), "csv_source_column");
      Span span = new Span(block.offset(), block.offset() + block.text().length());
      chunks.add(laidOut.chunk(span, returned.isBlank() ? embedded : returned, embedded));
    }
    return chunks;
  }

  private static String cell(Document document, Block block, int row, String column, String param) {
    String value = block.fields().get(column);
    if (value == null) {
      throw GaiaException.invalid(
          param,
          document.source() + " row " + (row + 1) + " has no column '" + column + "' (has: "
              + String.join(", ", new TreeSet<>(block.fields().keySet())) + ")");
    }
    return value;
  }
}
