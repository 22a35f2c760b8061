package dev.gaia.inference.model;

/**
 * {@code partial/<key>.json}: what an unfinished {@code .part} file holds, so a later pull can
 * resume it or must throw it away.
 *
 * @param source the URL the bytes came from; a different one means the part is not ours
 * @param validator the strong {@code ETag}, else the {@code Last-Modified}, of the response the
 *     bytes came from, sent back as {@code If-Range}; null when the server gave neither
 * @param advertisedSha256 the digest the server advertised ({@code X-Linked-Etag} or {@code ETag});
 *     null when none
 * @param advertisedBy who advertised it, in words ("the server's ETag header"); null when none
 * @param total full size in bytes, or -1 when unknown
 */
record PartialMeta(
    String source, String validator, String advertisedSha256, String advertisedBy, long total) {}
