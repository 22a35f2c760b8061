package dev.gaia.knowledge.pack;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Manifest;
import dev.gaia.protocol.content.ContentId;
import java.util.List;
import java.util.Objects;

/**
 * Everything a package holds except its index, verified against its content id: what an
 * incremental rebuild starts from (a chunk whose {@link Chunk#contentHash()} is unchanged keeps
 * its vector).
 *
 * @param vectors {@code vectors.get(i)} embeds {@code chunks.get(i)}, as the writer was given them
 */
public record GkbContents(Manifest manifest, ContentId contentId, List<Chunk> chunks, List<float[]> vectors) {
  public GkbContents {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(contentId, "contentId");
    chunks = List.copyOf(chunks);
    vectors = List.copyOf(vectors);
  }
}
