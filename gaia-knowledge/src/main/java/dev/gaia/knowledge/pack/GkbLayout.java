package dev.gaia.knowledge.pack;

import dev.gaia.knowledge.Hashes;
import dev.gaia.protocol.content.ContentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;

/**
 * The {@code .gkb} format, version {@link dev.gaia.knowledge.Manifest#FORMAT_VERSION}: a ZIP
 * whose entries come in this fixed order, all stamped {@link #ENTRY_TIME}:
 *
 * <ol>
 *   <li>{@code manifest.json} (deflated): the manifest, sorted keys, no whitespace;
 *   <li>{@code content-id} (stored): the content id below, as text;
 *   <li>{@code chunks.jsonl} (deflated): one chunk per line in build order, sorted keys, UTF-8;
 *   <li>{@code vectors.f32} (stored): the vectors as given to the writer, little-endian float32,
 *       {@code dimension} per chunk, in chunk order;
 *   <li>{@code index/<file>} (stored, names sorted): a Lucene index of the chunks (see
 *       {@link dev.gaia.knowledge.index.ChunkIndex}), one segment.
 * </ol>
 *
 * <p>The content id names the content, not the ZIP bytes (Lucene writes random segment ids):
 *
 * <pre>
 * id = CIDv1-raw-sha256( SHA-256( "gaia-gkb-content/1\n"
 *                                 || SHA-256(manifest.json bytes with created_at left out)
 *                                 || SHA-256(chunks.jsonl bytes)
 *                                 || SHA-256(vectors.f32 bytes) ) )
 * </pre>
 *
 * The index is derived from chunks and vectors; a reader checks it against them instead of
 * hashing it (see {@link Extractor}).
 */
final class GkbLayout {
  static final String MANIFEST = "manifest.json";
  static final String CONTENT_ID = "content-id";
  static final String CHUNKS = "chunks.jsonl";
  static final String VECTORS = "vectors.f32";
  static final String INDEX = "index/";
  /** DOS time has no time zone; 1980-01-01 is its epoch, so it reads the same everywhere. */
  static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private static final byte[] DOMAIN = "gaia-gkb-content/1\n".getBytes(StandardCharsets.US_ASCII);

  private GkbLayout() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The content id from the three part digests (each 32 bytes), per the rule above. */
  static ContentId contentId(byte[] canonicalManifest, byte[] chunksDigest, byte[] vectorsDigest) {
    MessageDigest outer = sha256();
    outer.update(DOMAIN);
    outer.update(Hashes.sha256(canonicalManifest));
    outer.update(chunksDigest);
    outer.update(vectorsDigest);
    return ContentId.ofSha256(outer.digest());
  }
}
