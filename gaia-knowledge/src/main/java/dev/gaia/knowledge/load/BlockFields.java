package dev.gaia.knowledge.load;

import java.util.Map;

/** Names of the {@link dev.gaia.knowledge.Block#fields()} that loaders set and chunkers read. */
public final class BlockFields {
  /**
   * On a block that is a heading (Markdown, HTML): its level, {@code "1"} to {@code "6"}. The
   * markdown chunker starts a chunk there.
   */
  public static final String HEADING_LEVEL = "heading_level";

  /** On a JSON Lines block: the 1-based line of its object. */
  public static final String LINE = "line";

  private BlockFields() {}

  static Map<String, String> heading(int level) {
    return Map.of(HEADING_LEVEL, Integer.toString(level));
  }
}
