package dev.gaia.inference.model;

/**
 * One line of {@code index.json}, in its wire shape (kept apart from {@link CachedModel}). {@code
 * localPath} and {@code localModifiedMillis} are set only for local files referenced in place; null
 * otherwise. {@code fetchedAt} is an ISO-8601 instant.
 */
record IndexEntry(
    String source,
    String sha256,
    String fileName,
    long size,
    String fetchedAt,
    String localPath,
    Long localModifiedMillis) {}
