package dev.gaia.knowledge.chunk;

/** A range {@code [start, end)} of a document's text. */
record Span(int start, int end) {
  Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }
}
