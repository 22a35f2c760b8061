package dev.gaia.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Per-process folders for the JNI binding's extracted native library ({@code run/native-<pid>}):
 * two nodes never overwrite each other's library, and folders of dead processes are swept.
 */
final class NativeFolders {
  private static final String PREFIX = "native-";

  private final Path runDir;

  NativeFolders(Path runDir) {
    this.runDir = runDir;
  }

  Path forThisProcess() {
    return runDir.resolve(PREFIX + ProcessHandle.current().pid());
  }

  /** Deletes the folders of processes that no longer run. */
  void sweep() {
    if (!Files.isDirectory(runDir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(runDir)) {
      entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).forEach(p -> {
        String pid = p.getFileName().toString().substring(PREFIX.length());
        boolean alive = pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
            && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
          delete(p);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // A library still mapped by a dying process; the next sweep takes it.
        }
      });
    } catch (IOException e) {
      // Best effort: a later sweep retries.
    }
  }
}
