package dev.gaia.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The node process's resident memory from {@code /proc/self/status}, in bytes, beside the size of
 * the GGUF it serves. llama.cpp maps the model file, so its pages count in {@code VmRSS} (as
 * {@code RssFile}) once touched; {@link #overModel()} is what the node costs on top of the model.
 */
record MemoryUse(long vmRss, long rssAnon, long rssFile, long modelBytes) {

  long overModel() {
    return vmRss - modelBytes;
  }

  /** Reads this JVM's figures; fails off Linux. */
  static MemoryUse ofThisProcess(long modelBytes) {
    return parse(read(Path.of("/proc/self/status")), modelBytes);
  }

  static MemoryUse parse(String status, long modelBytes) {
    return new MemoryUse(kib(status, "VmRSS"), kib(status, "RssAnon"), kib(status, "RssFile"), modelBytes);
  }

  private static long kib(String status, String key) {
    for (String line : status.split("\n")) {
      if (line.startsWith(key + ":")) {
        String[] parts = line.substring(key.length() + 1).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
      }
    }
    throw new IllegalStateException(key + " is missing from /proc/self/status");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (memory is measured on Linux only)", e);
    }
  }
}
