/**
 * Model sources, the content-addressed model cache and the resumable downloader behind {@code gaia
 * model pull} and {@code chat = URL|PATH}.
 *
 * <p>On-disk layout under the cache root (for example {@code <home>/models}):
 *
 * <pre>
 * blobs/sha256/HEX    verified bytes named by their SHA-256 (64 hex digits). No suffix:
 *                     llama.cpp needs none, and the index keeps the original file name.
 * partial/KEY.part    bytes of an unfinished download; never carries a final name
 * partial/KEY.json    what the .part belongs to: URL, HTTP validator, advertised hash
 * partial/KEY.lock    file-locked while a process downloads that source (never deleted)
 * index.json          source (URL or absolute path) to sha256, file name, size, time
 * index.lock          file-locked while a process rewrites index.json
 * </pre>
 *
 * {@code KEY} is the first 32 hex digits of the SHA-256 of the source URL. Local files are hashed
 * and referenced in place, never copied: a multi-GB GGUF already on disk is not duplicated, and its
 * index entry goes stale (and is re-hashed on the next pull) once its size or modification time
 * changes.
 */
package dev.gaia.inference.model;
