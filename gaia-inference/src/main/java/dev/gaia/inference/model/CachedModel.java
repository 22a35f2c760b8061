package dev.gaia.inference.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A model the cache can hand to an engine.
 *
 * @param source the source key: a URL, or the absolute path of a local file
 * @param sha256 digest of the file's bytes, verified or computed while they were read
 * @param fileName the name users know it by (last URL segment or local file name)
 * @param size bytes
 * @param fetchedAt when it was downloaded or hashed
 * @param path where the bytes are now: a blob under the cache root for downloads, the original file
 *     for local sources (referenced in place, not copied)
 */
public record CachedModel(
    String source, Sha256 sha256, String fileName, long size, Instant fetchedAt, Path path) {
  public CachedModel {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(path, "path");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0: " + size);
    }
  }
}
