package dev.gaia.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge bases a node home serves, remembered across restarts: {@code knowledge/catalog.json}
 * names each base and its package, and the packages live beside it as
 * {@code knowledge/<content id>.gkb}, copied in atomically so a crash mid-copy leaves the old
 * state intact.
 */
final class KnowledgeCatalog {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  KnowledgeCatalog(Path knowledgeDir) {
    this.dir = knowledgeDir;
  }

  /** One served base: {@code file} is relative to the knowledge folder. */
  record Entry(String name, String file, String contentId, String addedAt) {}

  Path file() {
    return dir.resolve("catalog.json");
  }

  Path extractDir() {
    return dir.resolve("extracted");
  }

  Path packagePath(Entry e) {
    return dir.resolve(e.file());
  }

  List<Entry> list() {
    if (!Files.isRegularFile(file())) {
      return List.of();
    }
    try {
      return List.copyOf(JSON.readValue(file().toFile(), new TypeReference<List<Entry>>() {}));
    } catch (IOException e) {
      throw new GaiaException(ErrorKind.INVALID_REQUEST, "unreadable " + file() + ": " + e.getMessage());
    }
  }

  Optional<Entry> find(String name) {
    return list().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * Copies {@code gkb} into the home (unless the same content is there) and records it under
   * {@code name}, replacing an entry of that name. Returns the new entry.
   */
  Entry add(String name, Path gkb, String contentId) {
    String fileName = contentId + ".gkb";
    Path target = dir.resolve(fileName);
    try {
      Files.createDirectories(dir);
      if (!Files.isRegularFile(target)) {
        Path tmp = Files.createTempFile(dir, "." + fileName, ".tmp");
        try {
          Files.copy(gkb, tmp, StandardCopyOption.REPLACE_EXISTING);
          try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
          }
          AtomicFiles.move(tmp, target);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + gkb + " into " + dir + ": " + e.getMessage(), e);
    }
    Entry entry = new Entry(name, fileName, contentId, java.time.Instant.now().toString());
    List<Entry> entries = new ArrayList<>(list());
    entries.removeIf(e -> e.name().equals(name));
    entries.add(entry);
    entries.sort(Comparator.comparing(Entry::name));
    write(entries);
    return entry;
  }

  /** Forgets {@code name}; deletes its package when no other entry uses it. False if unknown. */
  boolean remove(String name) {
    List<Entry> entries = new ArrayList<>(list());
    Optional<Entry> gone = entries.stream().filter(e -> e.name().equals(name)).findFirst();
    if (gone.isEmpty()) {
      return false;
    }
    entries.remove(gone.get());
    write(entries);
    if (entries.stream().noneMatch(e -> e.file().equals(gone.get().file()))) {
      try {
        Files.deleteIfExists(packagePath(gone.get()));
      } catch (IOException e) {
        // The entry is gone; a stray package file only costs disk space.
      }
    }
    return true;
  }

  private void write(List<Entry> entries) {
    try {
      AtomicFiles.write(file(), JSON.writeValueAsBytes(entries));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
