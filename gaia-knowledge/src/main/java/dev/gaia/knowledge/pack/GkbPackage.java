package dev.gaia.knowledge.pack;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.Manifest;
import dev.gaia.knowledge.index.ChunkIndex;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.content.ContentId;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads {@code .gkb} packages (format in {@link GkbLayout}). Every method refuses a package of an
 * unknown format version, and a damaged or truncated one, with a {@link GaiaException} that names
 * the file.
 */
public final class GkbPackage {
  private GkbPackage() {}

  /**
   * Opens a package for search. The first open extracts and verifies it into {@code
   * <extractDir>/<contentId>/} (see {@link Extractor}: about a pass over the package); later opens
   * of the same content reuse that folder and only read the package's manifest and content id.
   *
   * @param name the name to serve it under
   */
  public static KnowledgeBase open(Path gkb, Path extractDir, String name) {
    Path dir;
    ContentId id;
    try (ZipFile zip = openZip(gkb)) {
      Manifest claimed = manifest(gkb, zip);
      id = contentId(gkb, zip);
      dir = Extractor.extract(gkb, zip, claimed, id, extractDir);
    } catch (IOException e) {
      throw PackageErrors.corrupt(gkb, e.getMessage(), e);
    }
    // The extract's manifest is the one that was verified against the content id.
    Manifest manifest = readVerifiedManifest(gkb, dir);
    return new PackageKnowledgeBase(name, id, manifest, ChunkIndex.open(dir.resolve("index")));
  }

  /** The manifest alone: reads the ZIP's directory and one small entry. */
  public static Manifest readManifest(Path gkb) {
    try (ZipFile zip = openZip(gkb)) {
      return manifest(gkb, zip);
    } catch (IOException e) {
      throw PackageErrors.corrupt(gkb, e.getMessage(), e);
    }
  }

  /** The content id the package claims, unverified (cheap); {@link #open} verifies it. */
  public static ContentId readContentId(Path gkb) {
    try (ZipFile zip = openZip(gkb)) {
      manifest(gkb, zip);
      return contentId(gkb, zip);
    } catch (IOException e) {
      throw PackageErrors.corrupt(gkb, e.getMessage(), e);
    }
  }

  /** All chunks and vectors, verified against the content id; holds them all in memory. */
  public static GkbContents readContents(Path gkb) {
    try (ZipFile zip = openZip(gkb)) {
      Manifest manifest = manifest(gkb, zip);
      ContentId id = contentId(gkb, zip);
      MessageDigest chunksDigest = GkbLayout.sha256();
      List<Chunk> chunks = new ArrayList<>(manifest.chunkCount());
      try (InputStream in = new DigestInputStream(entry(gkb, zip, GkbLayout.CHUNKS), chunksDigest);
          BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          chunks.add(parseChunk(line));
        }
      }
      MessageDigest vectorsDigest = GkbLayout.sha256();
      List<float[]> vectors = new ArrayList<>(manifest.chunkCount());
      try (DataInputStream in = new DataInputStream(
          new DigestInputStream(entry(gkb, zip, GkbLayout.VECTORS), vectorsDigest))) {
        byte[] row = new byte[manifest.dimension() * Float.BYTES];
        for (int i = 0; i < manifest.chunkCount(); i++) {
          in.readFully(row);
          float[] v = new float[manifest.dimension()];
          ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
          vectors.add(v);
        }
        if (in.read() >= 0) {
          throw PackageErrors.corrupt(gkb, "vectors.f32 is longer than the manifest's chunks");
        }
      } catch (EOFException e) {
        throw PackageErrors.corrupt(gkb, "vectors.f32 is shorter than the manifest's chunks", e);
      }
      ContentId actual = GkbLayout.contentId(
          GkbCodec.canonicalManifestBytes(manifest), chunksDigest.digest(), vectorsDigest.digest());
      if (!actual.equals(id)) {
        throw PackageErrors.corrupt(gkb, "its content hashes to " + actual + " but it claims " + id);
      }
      if (chunks.size() != manifest.chunkCount()) {
        throw PackageErrors.corrupt(gkb, "chunks.jsonl has " + chunks.size() + " lines, manifest says " + manifest.chunkCount());
      }
      return new GkbContents(manifest, id, chunks, vectors);
    } catch (IOException e) {
      throw PackageErrors.corrupt(gkb, e.getMessage(), e);
    }
  }

  /**
   * Throws unless queries embedded by {@code modelId} at {@code dimension} can search a package
   * with this manifest. Model ids compare exactly; the caller maps aliases first.
   */
  public static void requireCompatible(Manifest manifest, String modelId, int dimension) {
    if (!manifest.embeddingModel().equals(modelId) || manifest.dimension() != dimension) {
      throw new GaiaException(
          ErrorKind.INVALID_REQUEST,
          "knowledge base '" + manifest.name() + "' was embedded with " + manifest.embeddingModel()
              + " (" + manifest.dimension() + " dimensions) but this node embeds with " + modelId
              + " (" + dimension + " dimensions): rebuild it with " + modelId + " or configure "
              + manifest.embeddingModel(),
          "embedding", "embedding_model_mismatch");
    }
  }

  static Chunk parseChunk(String line) {
    try {
      return GkbCodec.chunk(line);
    } catch (IOException | IllegalArgumentException e) {
      throw new GaiaException(ErrorKind.INVALID_REQUEST, "unreadable chunk line: " + e.getMessage(),
          "knowledge_base", "corrupt_package", null, e);
    }
  }

  private static ZipFile openZip(Path gkb) {
    try {
      return new ZipFile(gkb.toFile());
    } catch (NoSuchFileException e) {
      throw GaiaException.notFound("knowledge_base", "no knowledge base package at " + gkb);
    } catch (IOException e) {
      if (!Files.exists(gkb)) {
        throw GaiaException.notFound("knowledge_base", "no knowledge base package at " + gkb);
      }
      throw PackageErrors.corrupt(gkb, "not a readable ZIP (truncated?): " + e.getMessage(), e);
    }
  }

  private static InputStream entry(Path gkb, ZipFile zip, String name) throws IOException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw PackageErrors.corrupt(gkb, "entry " + name + " is missing");
    }
    return zip.getInputStream(e);
  }

  private static Manifest manifest(Path gkb, ZipFile zip) throws IOException {
    byte[] bytes;
    try (InputStream in = entry(gkb, zip, GkbLayout.MANIFEST)) {
      bytes = in.readAllBytes();
    }
    return parseManifest(gkb, bytes);
  }

  private static Manifest parseManifest(Path gkb, byte[] bytes) throws IOException {
    int version = GkbCodec.formatVersion(bytes);
    if (version != Manifest.FORMAT_VERSION) {
      throw PackageErrors.unsupportedVersion(gkb, version);
    }
    try {
      return GkbCodec.manifest(bytes);
    } catch (IllegalArgumentException e) {
      throw PackageErrors.corrupt(gkb, "bad manifest.json: " + e.getMessage(), e);
    }
  }

  private static ContentId contentId(Path gkb, ZipFile zip) throws IOException {
    try (InputStream in = entry(gkb, zip, GkbLayout.CONTENT_ID)) {
      return ContentId.parse(new String(in.readNBytes(100), StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw PackageErrors.corrupt(gkb, "bad content-id entry: " + e.getMessage(), e);
    }
  }

  private static Manifest readVerifiedManifest(Path gkb, Path dir) {
    try {
      return parseManifest(gkb, Files.readAllBytes(dir.resolve(GkbLayout.MANIFEST)));
    } catch (IOException e) {
      throw PackageErrors.corrupt(gkb, "extracted manifest unreadable: " + e.getMessage(), e);
    }
  }
}
