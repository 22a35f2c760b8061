package dev.gaia.inference.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The {@code .part} file of one download and its {@code .json} description, with a SHA-256 kept
 * current over every byte in the file: opening an existing part hashes what is there once, and each
 * appended buffer is hashed as it is written, so the finished file is never read again. Used by one
 * thread at a time (the caller holds the source's lock).
 */
final class PartFile implements AutoCloseable {
  private final Path part;
  private final Path metaPath;
  private final ObjectMapper json;
  private final FileChannel channel;
  private final MessageDigest digest = Sha256.newDigest();
  private PartialMeta meta;
  private long length;

  private PartFile(Path part, Path metaPath, ObjectMapper json, FileChannel channel) {
    this.part = part;
    this.metaPath = metaPath;
    this.json = json;
    this.channel = channel;
  }

  /**
   * Opens {@code <base>.part}, keeping its bytes only if {@code <base>.json} says they came from
   * {@code source}; otherwise the file is emptied.
   */
  static PartFile open(Path base, String source, ObjectMapper json) throws IOException {
    Path part = base.resolveSibling(base.getFileName() + ".part");
    Path metaPath = base.resolveSibling(base.getFileName() + ".json");
    Files.createDirectories(part.getParent());
    PartialMeta meta = readMeta(metaPath, json);
    FileChannel channel =
        FileChannel.open(
            part, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    PartFile file = new PartFile(part, metaPath, json, channel);
    try {
      if (meta == null || !source.equals(meta.source())) {
        channel.truncate(0);
      } else {
        file.meta = meta;
        file.length = channel.size();
        Sha256.update(file.digest, channel, file.length, bytes -> {});
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return file;
  }

  long length() {
    return length;
  }

  Optional<PartialMeta> meta() {
    return Optional.ofNullable(meta);
  }

  /** Empties the part and describes the response whose body will fill it from byte 0. */
  void restart(PartialMeta newMeta) throws IOException {
    channel.truncate(0);
    digest.reset();
    length = 0;
    meta = newMeta;
    AtomicFiles.write(metaPath, json.writeValueAsBytes(newMeta));
  }

  /** Empties the part and forgets its description, before asking for the whole body again. */
  void clear() throws IOException {
    channel.truncate(0);
    digest.reset();
    length = 0;
    meta = null;
    Files.deleteIfExists(metaPath);
  }

  /** Writes {@code buffer} at the end of the part and hashes it. */
  void append(ByteBuffer buffer) throws IOException {
    digest.update(buffer.duplicate());
    while (buffer.hasRemaining()) {
      length += channel.write(buffer, length);
    }
  }

  /**
   * Forces the bytes to disk and returns their digest. The digest state is consumed: call once,
   * then {@link #close} and move or delete the file.
   */
  Sha256 finish() throws IOException {
    channel.force(true);
    return Sha256.of(digest);
  }

  Path path() {
    return part;
  }

  /** Closes and deletes the part and its description. */
  void delete() throws IOException {
    close();
    Files.deleteIfExists(part);
    Files.deleteIfExists(metaPath);
  }

  /** Deletes only the description, once the part has been moved to its final name. */
  void deleteMeta() throws IOException {
    Files.deleteIfExists(metaPath);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static PartialMeta readMeta(Path metaPath, ObjectMapper json) {
    try {
      return json.readValue(Files.readAllBytes(metaPath), PartialMeta.class);
    } catch (IOException e) {
      // Missing or unreadable: the part's bytes cannot be trusted, so the download starts over.
      return null;
    }
  }
}
