package dev.gaia.knowledge.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting folders of temporary files. */
final class Trees {
  private Trees() {}

  /** Deletes {@code path} and everything under it; null or missing is fine. */
  static void delete(Path path) throws IOException {
    if (path == null || !Files.exists(path)) {
      return;
    }
    try (Stream<Path> s = Files.walk(path)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** As {@link #delete}, for cleanup after a failure that is already being reported. */
  static void deleteQuietly(Path path) {
    try {
      delete(path);
    } catch (IOException ignored) {
      // A leftover temporary file is harmless; the original error matters more.
    }
  }
}
