package dev.gaia.knowledge.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The headings above the current position: a new heading of level n replaces every open heading
 * of level n or deeper. The path lists texts only, outermost first, so its length is the depth,
 * which equals the level when a document does not skip levels (an H3 right under an H1 is at
 * depth 2). Not thread-safe.
 */
final class HeadingPath {
  private record Open(int level, String text) {}

  private final Deque<Open> open = new ArrayDeque<>();

  /** Enters a heading and returns the path including it. */
  List<String> enter(int level, String text) {
    while (!open.isEmpty() && open.peekLast().level() >= level) {
      open.removeLast();
    }
    open.addLast(new Open(level, text));
    return current();
  }

  List<String> current() {
    return open.stream().map(Open::text).toList();
  }
}
