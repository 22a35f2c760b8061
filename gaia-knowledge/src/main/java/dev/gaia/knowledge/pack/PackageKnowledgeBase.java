package dev.gaia.knowledge.pack;

import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.Manifest;
import dev.gaia.knowledge.Query;
import dev.gaia.knowledge.index.ChunkIndex;
import dev.gaia.protocol.content.ContentId;
import java.util.List;

/** A knowledge base served from an extracted package; thread-safe as {@link ChunkIndex} is. */
final class PackageKnowledgeBase implements KnowledgeBase {
  private final String name;
  private final ContentId contentId;
  private final Manifest manifest;
  private final ChunkIndex index;

  PackageKnowledgeBase(String name, ContentId contentId, Manifest manifest, ChunkIndex index) {
    this.name = name;
    this.contentId = contentId;
    this.manifest = manifest;
    this.index = index;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ContentId contentId() {
    return contentId;
  }

  @Override
  public Manifest manifest() {
    return manifest;
  }

  @Override
  public List<Hit> search(Query query) {
    return index.search(query);
  }

  @Override
  public void close() {
    index.close();
  }
}
