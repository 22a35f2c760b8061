package dev.gaia.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * The unit of retrieval: a piece of one document with where it came from.
 *
 * @param id stable id: the first 16 bytes of SHA-256 over source, offsets and text, as hex
 * @param source the document's {@link Document#source()}
 * @param title the document's title
 * @param headings the heading path of the chunk's first block
 * @param page 1-based page of the chunk's first block, 0 when not paged
 * @param start character offset in the document's text where the chunk starts
 * @param end character offset where it ends (exclusive)
 * @param text what retrieval returns and the model reads
 * @param embeddingText what is embedded and keyword-indexed; usually {@code text}, but Gaia's
 *     CSV convention embeds one column and returns another
 */
public record Chunk(
    String id,
    String source,
    String title,
    List<String> headings,
    int page,
    int start,
    int end,
    String text,
    String embeddingText) {
  public Chunk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    headings = List.copyOf(headings);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(embeddingText, "embeddingText");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad offsets " + start + ".." + end);
    }
  }

  /** SHA-256 of the embedded text: equal hashes need no new embedding on a rebuild. */
  public String contentHash() {
    return Hashes.sha256Hex(embeddingText);
  }
}
