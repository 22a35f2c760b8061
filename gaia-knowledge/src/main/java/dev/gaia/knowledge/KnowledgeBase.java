package dev.gaia.knowledge;

import dev.gaia.protocol.content.ContentId;
import java.util.List;

/**
 * A loaded, read-only knowledge base: chunks with their vectors and a keyword index.
 * Thread-safe: many searches may run at once.
 */
public interface KnowledgeBase extends AutoCloseable {

  /** The name it is served under (unique per node), e.g. {@code handbook}. */
  String name();

  /** Stable id of its content (see {@link Manifest}). */
  ContentId contentId();

  Manifest manifest();

  /** Best chunks for the query, best first, at most {@code query.limit()}. */
  List<Hit> search(Query query);

  @Override
  void close();
}
