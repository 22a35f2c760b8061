package dev.gaia.knowledge.load;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to load and the name it is known by in the knowledge base.
 *
 * @param path where it is on disk
 * @param source its path relative to the scanned root, with {@code /} separators (for a file
 *     given directly, its file name)
 */
public record SourceFile(Path path, String source) {
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("blank source name for " + path);
    }
  }
}
