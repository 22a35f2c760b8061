package dev.gaia.knowledge.pack;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Manifest;
import dev.gaia.knowledge.index.ChunkIndex;
import dev.gaia.knowledge.index.IndexSettings;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes {@code .gkb} packages (format in {@link GkbLayout}). */
public final class GkbWriter {
  private GkbWriter() {}

  /**
   * Builds the index and writes the package to {@code target} atomically: the work happens in a
   * temporary folder and file beside the target, the file is forced to disk and renamed over
   * {@code target}, so a crash leaves the old file or the new one, never a mix. Blocks for the
   * whole build (about a minute per 100k chunks on one thread).
   *
   * @param vectors {@code vectors.get(i)} embeds {@code chunks.get(i)}; {@code manifest.dimension()}
   *     wide, unit length when {@code manifest.normalized()}
   * @return the content id, also stored in the package
   */
  public static ContentId write(
      Path target, Manifest manifest, List<Chunk> chunks, List<float[]> vectors, IndexSettings settings) {
    validate(manifest, chunks, vectors);
    Path dir = target.toAbsolutePath().getParent();
    Path work = null;
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      work = Files.createTempDirectory(dir, ".gkb-build-");
      byte[] chunksDigest = writeChunks(work.resolve(GkbLayout.CHUNKS), chunks);
      byte[] vectorsDigest = writeVectors(work.resolve(GkbLayout.VECTORS), vectors);
      ContentId id = GkbLayout.contentId(GkbCodec.canonicalManifestBytes(manifest), chunksDigest, vectorsDigest);
      Path index = work.resolve("index");
      ChunkIndex.build(index, chunks, vectors, settings);
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      writeZip(tmp, manifest, id, work, index);
      AtomicFiles.move(tmp, target);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      Trees.deleteQuietly(work);
      Trees.deleteQuietly(tmp);
    }
  }

  private static void validate(Manifest m, List<Chunk> chunks, List<float[]> vectors) {
    if (m.formatVersion() != Manifest.FORMAT_VERSION) {
      throw new IllegalArgumentException("this writer writes format " + Manifest.FORMAT_VERSION + ", manifest says " + m.formatVersion());
    }
    if (chunks.size() != vectors.size() || chunks.size() != m.chunkCount()) {
      throw new IllegalArgumentException(
          chunks.size() + " chunks, " + vectors.size() + " vectors, manifest says " + m.chunkCount());
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < chunks.size(); i++) {
      if (!ids.add(chunks.get(i).id())) {
        throw new IllegalArgumentException("duplicate chunk id " + chunks.get(i).id());
      }
      float[] v = vectors.get(i);
      if (v.length != m.dimension()) {
        throw new IllegalArgumentException("vector " + i + " has " + v.length + " dimensions, manifest says " + m.dimension());
      }
      if (m.normalized()) {
        double norm = 0;
        for (float x : v) {
          norm += x * x;
        }
        if (Math.abs(Math.sqrt(norm) - 1) > 1e-3) {
          throw new IllegalArgumentException("vector " + i + " has length " + Math.sqrt(norm) + " but the manifest says normalized");
        }
      }
    }
  }

  private static byte[] writeChunks(Path file, List<Chunk> chunks) throws IOException {
    MessageDigest digest = GkbLayout.sha256();
    try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), digest)) {
      for (Chunk c : chunks) {
        out.write(GkbCodec.chunkLine(c));
      }
    }
    return digest.digest();
  }

  private static byte[] writeVectors(Path file, List<float[]> vectors) throws IOException {
    MessageDigest digest = GkbLayout.sha256();
    try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), digest)) {
      for (float[] v : vectors) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(v);
        out.write(buf.array());
      }
    }
    return digest.digest();
  }

  private static void writeZip(Path tmp, Manifest manifest, ContentId id, Path work, Path index) throws IOException {
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16));
      deflated(zip, GkbLayout.MANIFEST, GkbCodec.manifestBytes(manifest));
      stored(zip, GkbLayout.CONTENT_ID, id.value().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      deflatedFile(zip, GkbLayout.CHUNKS, work.resolve(GkbLayout.CHUNKS));
      storedFile(zip, GkbLayout.VECTORS, work.resolve(GkbLayout.VECTORS));
      List<Path> files;
      try (Stream<Path> s = Files.list(index)) {
        // write.lock is Lucene's writer lock, left behind empty: not part of the index.
        files = s.filter(p -> !p.getFileName().toString().equals("write.lock")).sorted().toList();
      }
      for (Path f : files) {
        storedFile(zip, GkbLayout.INDEX + f.getFileName(), f);
      }
      zip.finish();
      zip.flush();
      channel.force(true);
    }
  }

  private static void deflated(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry e = entry(name);
    e.setMethod(ZipEntry.DEFLATED);
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  private static void deflatedFile(ZipOutputStream zip, String name, Path file) throws IOException {
    ZipEntry e = entry(name);
    e.setMethod(ZipEntry.DEFLATED);
    zip.putNextEntry(e);
    Files.copy(file, zip);
    zip.closeEntry();
  }

  private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry e = entry(name);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    e.setMethod(ZipEntry.STORED);
    e.setSize(bytes.length);
    e.setCompressedSize(bytes.length);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  /** STORED entries need their CRC up front, so the file is read twice. */
  private static void storedFile(ZipOutputStream zip, String name, Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        crc.update(buf, 0, n);
      }
    }
    long size = Files.size(file);
    ZipEntry e = entry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(size);
    e.setCompressedSize(size);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    Files.copy(file, zip);
    zip.closeEntry();
  }

  private static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(GkbLayout.ENTRY_TIME);
    return e;
  }
}
