package dev.gaia.knowledge.pack;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Manifest;
import dev.gaia.knowledge.index.ChunkIndex;
import dev.gaia.protocol.content.ContentId;
import dev.gaia.protocol.files.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * Unpacks a package into {@code <extractDir>/<contentId>/} and proves it before anyone reads it:
 * chunks and vectors must hash to the content id; every index file must pass Lucene's own
 * checksum; and every indexed chunk and vector must equal the package's (so what search returns
 * is covered by the content id, although the index bytes themselves are not). Work happens in a
 * temporary sibling folder that is renamed into place with a {@value #COMPLETE} marker inside, so
 * a crash or a bad package never leaves a half folder under the final name and never touches an
 * existing one.
 */
final class Extractor {
  static final String COMPLETE = ".complete";

  private Extractor() {}

  /** Whether {@code dir} is a finished extract of {@code id}. */
  static boolean isComplete(Path dir, ContentId id) {
    try {
      Path marker = dir.resolve(COMPLETE);
      return Files.isRegularFile(marker) && Files.readString(marker).equals(id.value());
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns the extract folder of {@code id}, extracting and verifying it when missing. */
  static Path extract(Path gkb, ZipFile zip, Manifest manifest, ContentId id, Path extractDir) {
    Path target = extractDir.resolve(id.value());
    if (isComplete(target, id)) {
      return target;
    }
    Path tmp = null;
    try {
      Files.createDirectories(extractDir);
      tmp = Files.createTempDirectory(extractDir, ".extract-");
      copy(gkb, zip, GkbLayout.MANIFEST, tmp.resolve(GkbLayout.MANIFEST));
      List<Long> lineStarts = new ArrayList<>();
      byte[] chunksDigest = copy(gkb, zip, GkbLayout.CHUNKS, tmp.resolve(GkbLayout.CHUNKS), lineStarts);
      byte[] vectorsDigest = copy(gkb, zip, GkbLayout.VECTORS, tmp.resolve(GkbLayout.VECTORS));
      Path index = Files.createDirectory(tmp.resolve("index"));
      for (ZipEntry e : Collections.list(zip.entries())) {
        String name = e.getName();
        if (name.startsWith(GkbLayout.INDEX)) {
          String file = name.substring(GkbLayout.INDEX.length());
          if (file.isEmpty() || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw PackageErrors.corrupt(gkb, "unexpected entry " + name);
          }
          copy(gkb, zip, name, index.resolve(file));
        }
      }
      ContentId actual = GkbLayout.contentId(GkbCodec.canonicalManifestBytes(manifest), chunksDigest, vectorsDigest);
      if (!actual.equals(id)) {
        throw PackageErrors.corrupt(gkb, "its content hashes to " + actual + " but it claims " + id);
      }
      verifyIndex(gkb, tmp, manifest, lineStarts);
      AtomicFiles.writeString(tmp.resolve(COMPLETE), id.value());
      place(tmp, target, id);
      return target;
    } catch (IOException e) {
      throw PackageErrors.corrupt(gkb, e.getMessage(), e);
    } finally {
      Trees.deleteQuietly(tmp);
    }
  }

  /** Renames the verified folder into place; a finished extract that beat us there is kept. */
  private static void place(Path tmp, Path target, ContentId id) throws IOException {
    try {
      AtomicFiles.move(tmp, target);
    } catch (FileSystemException e) {
      if (isComplete(target, id)) {
        return;
      }
      // An unfinished folder under the final name is no one's work in progress (those live in
      // temporary folders): replace it.
      Trees.delete(target);
      AtomicFiles.move(tmp, target);
    }
  }

  private static byte[] copy(Path gkb, ZipFile zip, String name, Path to) throws IOException {
    return copy(gkb, zip, name, to, null);
  }

  /** Copies an entry to a file, returning its SHA-256; collects line start offsets if asked. */
  private static byte[] copy(Path gkb, ZipFile zip, String name, Path to, List<Long> lineStarts)
      throws IOException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw PackageErrors.corrupt(gkb, "entry " + name + " is missing");
    }
    MessageDigest digest = GkbLayout.sha256();
    long offset = 0;
    try (InputStream in = zip.getInputStream(e);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(to), 1 << 16)) {
      byte[] buf = new byte[1 << 16];
      boolean atLineStart = true;
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        digest.update(buf, 0, n);
        out.write(buf, 0, n);
        if (lineStarts != null) {
          for (int i = 0; i < n; i++) {
            if (atLineStart) {
              lineStarts.add(offset + i);
            }
            atLineStart = buf[i] == '\n';
          }
        }
        offset += n;
      }
    }
    if (lineStarts != null) {
      lineStarts.add(offset);
    }
    return digest.digest();
  }

  private static void verifyIndex(Path gkb, Path tmp, Manifest manifest, List<Long> lineStarts) throws IOException {
    Path index = tmp.resolve("index");
    try (FSDirectory dir = FSDirectory.open(index)) {
      for (String file : dir.listAll()) {
        try (IndexInput in = dir.openInput(file, IOContext.READONCE)) {
          CodecUtil.checksumEntireFile(in);
        }
      }
    }
    int n = manifest.chunkCount();
    int dim = manifest.dimension();
    if (lineStarts.size() - 1 != n) {
      throw PackageErrors.corrupt(gkb, "chunks.jsonl has " + (lineStarts.size() - 1) + " lines, manifest says " + n);
    }
    if (Files.size(tmp.resolve(GkbLayout.VECTORS)) != (long) n * dim * Float.BYTES) {
      throw PackageErrors.corrupt(gkb, "vectors.f32 is not " + n + " x " + dim + " floats");
    }
    BitSet seen = new BitSet(n);
    try (FileChannel chunks = FileChannel.open(tmp.resolve(GkbLayout.CHUNKS));
        FileChannel vectors = FileChannel.open(tmp.resolve(GkbLayout.VECTORS));
        ChunkIndex opened = ChunkIndex.open(index)) {
      if (opened.size() != n || opened.dimension() != dim) {
        throw PackageErrors.corrupt(gkb, "index holds " + opened.size() + " chunks of " + opened.dimension()
            + " dimensions, manifest says " + n + " of " + dim);
      }
      opened.forEachChunk((ordinal, chunk, unit) -> {
        if (ordinal < 0 || ordinal >= n || seen.get(ordinal)) {
          throw PackageErrors.corrupt(gkb, "index holds chunk ordinal " + ordinal + " twice or out of range");
        }
        seen.set(ordinal);
        if (!chunk.equals(chunkAt(chunks, lineStarts, ordinal))) {
          throw PackageErrors.corrupt(gkb, "indexed chunk " + ordinal + " differs from chunks.jsonl");
        }
        if (cosine(unit, vectorAt(vectors, dim, ordinal)) < 1 - 1e-5) {
          throw PackageErrors.corrupt(gkb, "indexed vector " + ordinal + " differs from vectors.f32");
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Chunk chunkAt(FileChannel chunks, List<Long> lineStarts, int ordinal) {
    long start = lineStarts.get(ordinal);
    int length = (int) (lineStarts.get(ordinal + 1) - start);
    return GkbPackage.parseChunk(new String(read(chunks, start, length).array(), StandardCharsets.UTF_8));
  }

  private static float[] vectorAt(FileChannel vectors, int dim, int ordinal) {
    ByteBuffer buf = read(vectors, (long) ordinal * dim * Float.BYTES, dim * Float.BYTES);
    float[] v = new float[dim];
    buf.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  private static ByteBuffer read(FileChannel ch, long position, int length) {
    ByteBuffer buf = ByteBuffer.allocate(length);
    try {
      while (buf.hasRemaining()) {
        if (ch.read(buf, position + buf.position()) < 0) {
          throw new IOException("unexpected end of file");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.flip();
  }

  /** Cosine of a unit vector with any vector. */
  private static double cosine(float[] unit, float[] v) {
    double dot = 0;
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      dot += unit[i] * (double) v[i];
      norm += v[i] * (double) v[i];
    }
    return norm == 0 ? 0 : dot / Math.sqrt(norm);
  }
}
