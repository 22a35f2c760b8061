package dev.gaia.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code .gkb} package holds and how it was made.
 *
 * @param formatVersion the package format; readers refuse versions they do not know
 * @param name suggested name to serve it under
 * @param embeddingModel id of the model that made the vectors (a node must embed queries with
 *     the same one)
 * @param dimension vector width
 * @param normalized whether vectors are L2-normalised
 * @param chunker how the documents were cut
 * @param documents one entry per source document, sorted by source
 * @param chunkCount total chunks
 * @param createdAt build time (not part of the content id)
 */
public record Manifest(
    int formatVersion,
    String name,
    String embeddingModel,
    int dimension,
    boolean normalized,
    ChunkerSettings chunker,
    List<DocumentEntry> documents,
    int chunkCount,
    Instant createdAt) {
  public static final int FORMAT_VERSION = 1;

  public Manifest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(embeddingModel, "embeddingModel");
    Objects.requireNonNull(chunker, "chunker");
    documents = List.copyOf(documents);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A source document: its bytes' hash decides whether a rebuild must re-read it. */
  public record DocumentEntry(String source, String title, String mediaType, String sha256, int chunks) {
    public DocumentEntry {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(sha256, "sha256");
    }
  }
}
