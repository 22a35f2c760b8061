package dev.gaia.inference.model;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.files.AtomicFiles;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes a model from a {@link ModelSource} available in a {@link ModelCache}: what {@code gaia
 * model pull} and a node's {@code chat = URL|PATH} call.
 *
 * <p>A URL is downloaded into {@code partial/<key>.part} (resumed with {@code Range} after an
 * interruption), hashed while it streams, checked against the expected SHA-256 (the caller's, else
 * the one the server advertises in {@code X-Linked-Etag} or a 64-hex {@code ETag}) and moved
 * atomically to {@code blobs/sha256/<hex>}. A local file is hashed and referenced in place. A
 * source already in the cache (and matching the caller's digest, if given) costs no request.
 *
 * <p>Thread-safe: pulls of one source are serialised within the process and, with a file lock,
 * across processes sharing the cache root; pulls of different sources run in parallel.
 */
public final class ModelDownloader {
  private final ModelCache cache;
  private final Clock clock;

  public ModelDownloader(ModelCache cache, Clock clock) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the cached model for {@code source}, downloading or hashing it first when needed.
   * Blocks the calling thread, which also receives the listener's calls. Fails with {@link
   * GaiaException}: {@code NOT_FOUND} for a 404 or a missing file, {@code INVALID_REQUEST} for a
   * digest mismatch (the partial download is deleted), {@code UNAVAILABLE} for network failures,
   * stalls and interruption (the partial download is kept for the next pull to resume).
   */
  public CachedModel pull(ModelSource source, DownloadOptions options, DownloadListener listener) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    ReentrantLock lock = cache.sourceLock(source);
    try {
      lock.lockInterruptibly();
      try {
        return switch (source) {
          case ModelSource.Local local -> pullLocal(local, options, listener);
          case ModelSource.Remote remote -> pullRemote(remote, options, listener);
        };
      } finally {
        lock.unlock();
      }
    } catch (InterruptedException | ClosedByInterruptException | FileLockInterruptionException e) {
      Thread.currentThread().interrupt();
      throw new GaiaException(
          ErrorKind.UNAVAILABLE,
          "pull of " + source.key() + " was interrupted; pull again to resume",
          "source",
          "interrupted",
          null,
          e);
    } catch (IOException e) {
      throw new GaiaException(
          ErrorKind.INTERNAL,
          "cannot write the model cache under " + cache.root() + ": " + e,
          null,
          "cache_io",
          null,
          e);
    }
  }

  private CachedModel pullRemote(
      ModelSource.Remote source, DownloadOptions options, DownloadListener listener)
      throws IOException, InterruptedException {
    Optional<CachedModel> hit = cached(source, options);
    if (hit.isPresent()) {
      listener.finished(hit.get());
      return hit.get();
    }
    Optional<Sha256> expected = options.expectedSha256();
    if (expected.isPresent() && Files.isRegularFile(cache.blobPath(expected.get()))) {
      // Same bytes already pulled under another URL: content addressing makes this a hit too.
      Path blob = cache.blobPath(expected.get());
      CachedModel model =
          cache.recordBlob(source, expected.get(), Files.size(blob), clock.instant());
      listener.finished(model);
      return model;
    }
    Path base = cache.partialBase(source);
    Files.createDirectories(base.getParent());
    Path lockPath = base.resolveSibling(base.getFileName() + ".lock");
    try (FileChannel lockChannel =
            FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = lockChannel.lock()) {
      // Another process may have finished this download while we waited for the lock.
      hit = cached(source, options);
      if (hit.isPresent()) {
        listener.finished(hit.get());
        return hit.get();
      }
      return download(source, options, listener, base);
    }
  }

  private CachedModel download(
      ModelSource.Remote source, DownloadOptions options, DownloadListener listener, Path base)
      throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try (PartFile part = PartFile.open(base, source.key(), cache.json())) {
      HttpTransfer.Result result;
      try {
        result = new HttpTransfer(client, source.uri(), options, listener).run(part);
      } catch (RuntimeException | IOException | InterruptedException e) {
        if (part.length() == 0) {
          part.delete(); // nothing worth resuming (a 404, an unreachable host): leave no trace
        }
        throw e;
      }
      Optional<HttpTransfer.Advertised> expected =
          options
              .expectedSha256()
              .map(sha -> new HttpTransfer.Advertised(sha, "the caller"))
              .or(result::advertised);
      if (expected.isPresent() && !expected.get().sha256().equals(result.actual())) {
        part.delete();
        throw mismatch(source, expected.get(), result.actual(), "the partial download was deleted");
      }
      part.close();
      Path blob = cache.blobPath(result.actual());
      Files.createDirectories(blob.getParent());
      if (Files.isRegularFile(blob) && Files.size(blob) == result.size()) {
        Files.delete(part.path());
      } else {
        AtomicFiles.move(part.path(), blob);
      }
      part.deleteMeta();
      CachedModel model = cache.recordBlob(source, result.actual(), result.size(), clock.instant());
      listener.finished(model);
      return model;
    } finally {
      client.shutdownNow();
    }
  }

  private CachedModel pullLocal(
      ModelSource.Local source, DownloadOptions options, DownloadListener listener)
      throws IOException {
    Optional<CachedModel> hit = cached(source, options);
    if (hit.isPresent()) {
      listener.finished(hit.get());
      return hit.get();
    }
    Path path = source.path();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new GaiaException(
          ErrorKind.NOT_FOUND, "model file not found: " + path, "source", "model_not_found");
    }
    if (!attributes.isRegularFile()) {
      throw GaiaException.invalid("source", "not a regular file: " + path);
    }
    long size = attributes.size();
    listener.started(size, 0);
    ProgressThrottle throttle = new ProgressThrottle(listener);
    MessageDigest digest = Sha256.newDigest();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      Sha256.update(digest, channel, size, throttle::report);
    }
    throttle.flush(size);
    Sha256 actual = Sha256.of(digest);
    Optional<Sha256> expected = options.expectedSha256();
    if (expected.isPresent() && !expected.get().equals(actual)) {
      throw mismatch(
          source,
          new HttpTransfer.Advertised(expected.get(), "the caller"),
          actual,
          "the file was left as it is");
    }
    CachedModel model =
        cache.recordLocal(
            source, actual, size, attributes.lastModifiedTime().toMillis(), clock.instant());
    listener.finished(model);
    return model;
  }

  /** The cache entry for {@code source}, if it matches the caller's expected digest. */
  private Optional<CachedModel> cached(ModelSource source, DownloadOptions options) {
    return cache
        .find(source)
        .filter(m -> options.expectedSha256().map(m.sha256()::equals).orElse(true));
  }

  private static GaiaException mismatch(
      ModelSource source, HttpTransfer.Advertised expected, Sha256 actual, String consequence) {
    return new GaiaException(
        ErrorKind.INVALID_REQUEST,
        "SHA-256 mismatch for "
            + source.key()
            + ": expected "
            + expected.sha256().hex()
            + " (from "
            + expected.origin()
            + "), got "
            + actual.hex()
            + "; "
            + consequence
            + ". Check the expected hash and the source, then pull again.",
        "sha256",
        "checksum_mismatch");
  }
}
