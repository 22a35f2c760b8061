package dev.gaia.inference.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.files.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The content-addressed model store under one root folder; the layout is in {@code
 * package-info.java}. Thread-safe. Several processes may share a root: index rewrites and downloads
 * of one source take file locks. Open one {@code ModelCache} per root in a process (two instances
 * on one root in one JVM would collide on those file locks).
 *
 * <p>Lookups validate what the index says: an entry whose blob is gone, or whose local file changed
 * size or modification time, is not returned.
 */
public final class ModelCache {
  private final Path root;
  private final ObjectMapper json =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final ReentrantLock indexLock = new ReentrantLock();
  private final ConcurrentHashMap<String, ReentrantLock> sourceLocks = new ConcurrentHashMap<>();

  public ModelCache(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The usable model last pulled from {@code source}, if any. Reads the index from disk. */
  public Optional<CachedModel> find(ModelSource source) {
    return readIndex().models().stream()
        .filter(e -> e.source().equals(source.key()))
        .findFirst()
        .flatMap(this::usable);
  }

  /** Every usable model, newest first. */
  public List<CachedModel> list() {
    return readIndex().models().stream()
        .map(this::usable)
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(CachedModel::fetchedAt).reversed())
        .toList();
  }

  /**
   * Where the bytes with this digest are: the blob if the cache holds one, else an unchanged local
   * file recorded with this digest.
   */
  public Optional<Path> path(Sha256 sha256) {
    Path blob = blobPath(sha256);
    if (Files.isRegularFile(blob)) {
      return Optional.of(blob);
    }
    return readIndex().models().stream()
        .filter(e -> e.sha256().equals(sha256.hex()) && e.localPath() != null)
        .map(this::usable)
        .flatMap(Optional::stream)
        .map(CachedModel::path)
        .findFirst();
  }

  Path blobPath(Sha256 sha256) {
    return root.resolve("blobs").resolve("sha256").resolve(sha256.hex());
  }

  /** {@code partial/<key>} without extension: callers add {@code .part}, {@code .json}, ... */
  Path partialBase(ModelSource source) {
    var digest = Sha256.newDigest();
    byte[] hash = digest.digest(source.key().getBytes(StandardCharsets.UTF_8));
    return root.resolve("partial").resolve(HexFormat.of().formatHex(hash, 0, 16));
  }

  /** Serialises pulls of one source within this process; pair with a file lock across processes. */
  ReentrantLock sourceLock(ModelSource source) {
    return sourceLocks.computeIfAbsent(source.key(), k -> new ReentrantLock());
  }

  ObjectMapper json() {
    return json;
  }

  /** Records a blob already moved into {@link #blobPath}. */
  CachedModel recordBlob(ModelSource source, Sha256 sha256, long size, Instant at) {
    IndexEntry entry =
        new IndexEntry(
            source.key(), sha256.hex(), source.fileName(), size, at.toString(), null, null);
    update(entry);
    return new CachedModel(source.key(), sha256, source.fileName(), size, at, blobPath(sha256));
  }

  /** Records a local file referenced in place, with the stat it had when it was hashed. */
  CachedModel recordLocal(
      ModelSource.Local source, Sha256 sha256, long size, long modifiedMillis, Instant at) {
    IndexEntry entry =
        new IndexEntry(
            source.key(),
            sha256.hex(),
            source.fileName(),
            size,
            at.toString(),
            source.path().toString(),
            modifiedMillis);
    update(entry);
    return new CachedModel(source.key(), sha256, source.fileName(), size, at, source.path());
  }

  private Optional<CachedModel> usable(IndexEntry e) {
    try {
      Sha256 sha = new Sha256(e.sha256());
      Path path = e.localPath() == null ? blobPath(sha) : Path.of(e.localPath());
      if (!Files.isRegularFile(path) || Files.size(path) != e.size()) {
        return Optional.empty();
      }
      if (e.localModifiedMillis() != null
          && Files.getLastModifiedTime(path).toMillis() != e.localModifiedMillis()) {
        return Optional.empty();
      }
      return Optional.of(
          new CachedModel(
              e.source(), sha, e.fileName(), e.size(), Instant.parse(e.fetchedAt()), path));
    } catch (IOException | RuntimeException ex) {
      // A vanished file or a hand-edited line makes this entry unusable, not the whole cache.
      return Optional.empty();
    }
  }

  private Path indexPath() {
    return root.resolve("index.json");
  }

  private ModelIndex readIndex() {
    try {
      return json.readValue(Files.readString(indexPath()), ModelIndex.class);
    } catch (NoSuchFileException e) {
      return new ModelIndex(ModelIndex.VERSION, List.of());
    } catch (JsonProcessingException e) {
      throw new GaiaException(
          ErrorKind.INTERNAL,
          "model index "
              + indexPath()
              + " is not valid JSON ("
              + e.getOriginalMessage()
              + "); delete it and pull the models again (the blobs stay)",
          null,
          "cache_corrupt",
          null,
          e);
    } catch (IOException e) {
      throw GaiaException.internal("cannot read model index " + indexPath() + ": " + e, e);
    }
  }

  /** Replaces the entry for {@code entry.source()} under both the in-process and file lock. */
  private void update(IndexEntry entry) {
    indexLock.lock();
    try {
      Files.createDirectories(root);
      try (FileChannel ch =
              FileChannel.open(
                  root.resolve("index.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        List<IndexEntry> models = new ArrayList<>(readIndex().models());
        models.removeIf(e -> e.source().equals(entry.source()));
        models.add(entry);
        AtomicFiles.write(
            indexPath(), json.writeValueAsBytes(new ModelIndex(ModelIndex.VERSION, models)));
      }
    } catch (IOException e) {
      throw GaiaException.internal("cannot update model index " + indexPath() + ": " + e, e);
    } finally {
      indexLock.unlock();
    }
  }
}
