package dev.gaia.knowledge.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Manifest;
import dev.gaia.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of a package: {@code manifest.json} and the lines of {@code chunks.jsonl}. Keys are
 * snake_case and sorted, with no whitespace, so equal content always gives equal bytes.
 */
final class GkbCodec {
  // Configured once and only read afterwards; Jackson mappers are thread-safe in that use.
  private static final ObjectMapper MAPPER = ((JsonMapper) Json.newMapper())
      .rebuild()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private GkbCodec() {}

  /** The manifest as stored in {@code manifest.json}. */
  static byte[] manifestBytes(Manifest m) {
    return write(ManifestJson.of(m, true));
  }

  /** The manifest bytes that enter the content id: as stored, without {@code created_at}. */
  static byte[] canonicalManifestBytes(Manifest m) {
    return write(ManifestJson.of(m, false));
  }

  /** The {@code format_version} of a manifest, read before anything else so a newer one is named. */
  static int formatVersion(byte[] manifestJson) throws IOException {
    JsonNode v = MAPPER.readTree(manifestJson).get("format_version");
    if (v == null || !v.isInt()) {
      throw new IOException("manifest.json has no integer format_version");
    }
    return v.intValue();
  }

  static Manifest manifest(byte[] manifestJson) throws IOException {
    return MAPPER.readValue(manifestJson, ManifestJson.class).toManifest();
  }

  /** One line of {@code chunks.jsonl}, with its terminating newline. */
  static byte[] chunkLine(Chunk chunk) {
    byte[] json = write(chunk);
    byte[] line = new byte[json.length + 1];
    System.arraycopy(json, 0, line, 0, json.length);
    line[json.length] = '\n';
    return line;
  }

  static Chunk chunk(String line) throws IOException {
    return MAPPER.readValue(line, Chunk.class);
  }

  private static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("records always serialise", e);
    }
  }

  /** The wire form of {@link Manifest}: the chunker by its wire names, the time as ISO-8601. */
  record ManifestJson(
      int formatVersion,
      String name,
      String embeddingModel,
      int dimension,
      boolean normalized,
      ChunkerJson chunker,
      List<Manifest.DocumentEntry> documents,
      int chunkCount,
      String createdAt) {

    static ManifestJson of(Manifest m, boolean withTime) {
      ChunkerSettings c = m.chunker();
      return new ManifestJson(
          m.formatVersion(), m.name(), m.embeddingModel(), m.dimension(), m.normalized(),
          new ChunkerJson(c.kind().wire(), c.maxTokens(), c.overlapTokens(), c.headingLevel(),
              c.csvEmbedColumn(), c.csvSourceColumn()),
          m.documents(), m.chunkCount(), withTime ? m.createdAt().toString() : null);
    }

    Manifest toManifest() {
      if (chunker == null || createdAt == null) {
        throw new IllegalArgumentException("manifest.json lacks chunker or created_at");
      }
      return new Manifest(
          formatVersion, name, embeddingModel, dimension, normalized,
          new ChunkerSettings(ChunkerSettings.Kind.parse(chunker.kind()), chunker.maxTokens(),
              chunker.overlapTokens(), chunker.headingLevel(), chunker.csvEmbedColumn(), chunker.csvSourceColumn()),
          documents, chunkCount, Instant.parse(createdAt));
    }
  }

  record ChunkerJson(
      String kind, int maxTokens, int overlapTokens, int headingLevel, String csvEmbedColumn, String csvSourceColumn) {}
}
