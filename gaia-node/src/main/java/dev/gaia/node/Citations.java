package dev.gaia.node;

import dev.gaia.knowledge.Chunk;
import dev.gaia.protocol.gaia.Source;
import java.util.List;

/** Turns retrieved chunks into wire citations. */
final class Citations {
  static final int SNIPPET_CHARS = 600;

  private Citations() {}

  static List<Source> of(List<KnowledgeShelf.Found> found) {
    return found.stream().map(Citations::of).toList();
  }

  static Source of(KnowledgeShelf.Found f) {
    Chunk c = f.hit().chunk();
    String text = c.text().strip();
    String snippet = text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
    return new Source(
        c.id(),
        f.base().name(),
        f.base().contentId().value(),
        c.source(),
        c.title(),
        c.headings(),
        c.page() == 0 ? null : c.page(),
        Math.round(f.hit().score() * 10000) / 10000.0,
        snippet);
  }
}
