package dev.gaia.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A source document as a loader read it: its text in reading order, cut into blocks that carry
 * structure (headings, page). Chunkers work on blocks and never see file formats.
 *
 * @param source the path relative to the build root (forward slashes), or a name for uploads
 * @param title the document's title (HTML title, first Markdown heading, PDF title, file name)
 * @param mediaType e.g. {@code text/markdown}, {@code application/pdf}, {@code text/csv}
 * @param sha256 hex SHA-256 of the file's bytes: what incremental builds compare
 * @param blocks the text in reading order
 */
public record Document(String source, String title, String mediaType, String sha256, List<Block> blocks) {
  public Document {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(sha256, "sha256");
    blocks = List.copyOf(blocks);
  }
}
