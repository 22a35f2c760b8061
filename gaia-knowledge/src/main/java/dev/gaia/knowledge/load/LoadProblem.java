package dev.gaia.knowledge.load;

import java.util.Objects;

/**
 * A file that gave no document, and why.
 *
 * @param source the file's source name
 * @param kind what went wrong
 * @param reason a short explanation safe to show, e.g. {@code line 3: not JSON}
 */
public record LoadProblem(String source, Kind kind, String reason) {
  public LoadProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  public enum Kind {
    /** No loader for its extension or content. */
    UNSUPPORTED,
    /** Could not be read or parsed: a damaged, encrypted or malformed file, or an I/O error. */
    UNREADABLE,
    /** Another root already gave a file with the same source name. */
    DUPLICATE,
    /** Parsed fine but holds no text: skipped, not an error. */
    EMPTY
  }

  /** Whether a strict load fails on it: every kind but {@link Kind#EMPTY}. */
  public boolean isError() {
    return kind != Kind.EMPTY;
  }

  @Override
  public String toString() {
    return source + ": " + reason;
  }
}
