package dev.gaia.knowledge.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Fusion;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.Manifest;
import dev.gaia.knowledge.Query;
import dev.gaia.knowledge.index.IndexSettings;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.content.ContentId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GkbPackageTest {
  private static final int DIM = 16;
  @TempDir Path tmp;

  @Test
  void round_trip_finds_the_chunk_by_vector_and_by_keyword() {
    Fixture f = fixture(50, 1);
    Path gkb = tmp.resolve("kb.gkb");
    ContentId id = GkbWriter.write(gkb, f.manifest, f.chunks, f.vectors, IndexSettings.defaults());
    try (KnowledgeBase kb = GkbPackage.open(gkb, tmp.resolve("extract"), "handbook")) {
      assertThat(kb.name()).isEqualTo("handbook");
      assertThat(kb.contentId()).isEqualTo(id);
      assertThat(kb.manifest()).isEqualTo(f.manifest);
      List<Hit> byVector = kb.search(new Query("", f.vectors.get(17), 3, 0, new Fusion.VectorOnly()));
      assertThat(byVector.getFirst().chunk()).isEqualTo(f.chunks.get(17));
      assertThat(byVector.getFirst().score()).isGreaterThan(0.9999);
      List<Hit> byWord = kb.search(new Query("word17", f.vectors.get(3), 3, 0, new Fusion.KeywordOnly()));
      assertThat(byWord.getFirst().chunk()).isEqualTo(f.chunks.get(17));
    }
    assertThat(GkbPackage.readManifest(gkb)).isEqualTo(f.manifest);
    assertThat(GkbPackage.readContentId(gkb)).isEqualTo(id);
  }

  @Test
  void contents_read_back_equal_what_was_written() {
    Fixture f = fixture(20, 2);
    Path gkb = tmp.resolve("kb.gkb");
    ContentId id = GkbWriter.write(gkb, f.manifest, f.chunks, f.vectors, IndexSettings.defaults());
    GkbContents back = GkbPackage.readContents(gkb);
    assertThat(back.contentId()).isEqualTo(id);
    assertThat(back.manifest()).isEqualTo(f.manifest);
    assertThat(back.chunks()).isEqualTo(f.chunks);
    for (int i = 0; i < f.vectors.size(); i++) {
      assertThat(back.vectors().get(i)).containsExactly(f.vectors.get(i));
    }
  }

  @Test
  void same_content_gives_the_same_id_whatever_the_build_time_and_threads() throws IOException {
    Fixture f = fixture(40, 3);
    ContentId first = GkbWriter.write(tmp.resolve("a.gkb"), f.manifest, f.chunks, f.vectors, IndexSettings.defaults());
    Manifest later = withCreatedAt(f.manifest, f.manifest.createdAt().plusSeconds(3600));
    ContentId second = GkbWriter.write(
        tmp.resolve("b.gkb"), later, f.chunks, f.vectors, IndexSettings.defaults().withWriterThreads(2));
    assertThat(second).isEqualTo(first);
    assertThat(GkbPackage.readContentId(tmp.resolve("b.gkb"))).isEqualTo(first);

    List<Chunk> edited = new ArrayList<>(f.chunks);
    Chunk c = edited.get(5);
    edited.set(5, new Chunk(c.id(), c.source(), c.title(), c.headings(), c.page(), c.start(), c.end(), c.text() + "!", c.embeddingText()));
    ContentId third = GkbWriter.write(tmp.resolve("c.gkb"), f.manifest, edited, f.vectors, IndexSettings.defaults());
    assertThat(third).isNotEqualTo(first);

    List<float[]> nudged = new ArrayList<>(f.vectors);
    float[] v = nudged.get(0).clone();
    v[0] = Math.nextUp(v[0]);
    nudged.set(0, v);
    Fixture raw = new Fixture(withNormalized(f.manifest, false), f.chunks, nudged);
    assertThat(GkbWriter.write(tmp.resolve("d.gkb"), raw.manifest, raw.chunks, raw.vectors, IndexSettings.defaults()))
        .isNotEqualTo(first);
  }

  @Test
  void a_package_whose_chunks_were_edited_is_refused() throws IOException {
    Fixture f = fixture(30, 4);
    Path gkb = tmp.resolve("kb.gkb");
    GkbWriter.write(gkb, f.manifest, f.chunks, f.vectors, IndexSettings.defaults());
    Path tampered = rewrite(gkb, Map.of(GkbLayout.CHUNKS, bytes -> {
      byte[] copy = bytes.clone();
      int at = new String(copy, StandardCharsets.UTF_8).indexOf("word7");
      copy[at] = 'W';
      return copy;
    }));
    Path extract = tmp.resolve("extract");
    assertThatThrownBy(() -> GkbPackage.open(tampered, extract, "kb"))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining("hashes to");
    assertThatThrownBy(() -> GkbPackage.readContents(tampered)).isInstanceOf(GaiaException.class);
    assertThat(leftovers(extract)).isEmpty();
  }

  @Test
  void a_flipped_byte_anywhere_in_the_data_is_refused() throws IOException {
    Fixture f = fixture(200, 5);
    Path gkb = tmp.resolve("kb.gkb");
    GkbWriter.write(gkb, f.manifest, f.chunks, f.vectors, IndexSettings.defaults());
    byte[] bytes = Files.readAllBytes(gkb);
    // Past the small first entries: lands in vectors.f32 or an index file.
    for (int at : new int[] {bytes.length / 3, bytes.length / 2, bytes.length * 2 / 3}) {
      byte[] copy = bytes.clone();
      copy[at] ^= 0x01;
      Path bad = tmp.resolve("bad" + at + ".gkb");
      Files.write(bad, copy);
      assertThatThrownBy(() -> GkbPackage.open(bad, tmp.resolve("extract"), "kb"))
          .as("byte %d of %d", at, bytes.length)
          .isInstanceOf(GaiaException.class)
          .hasMessageContaining("damaged");
    }
  }

  @Test
  void an_unknown_format_version_is_refused_naming_both_versions() throws IOException {
    Fixture f = fixture(10, 6);
    Path gkb = tmp.resolve("kb.gkb");
    GkbWriter.write(gkb, f.manifest, f.chunks, f.vectors, IndexSettings.defaults());
    Path newer = rewrite(gkb, Map.of(GkbLayout.MANIFEST, bytes ->
        new String(bytes, StandardCharsets.UTF_8).replace("\"format_version\":1", "\"format_version\":7")
            .getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> GkbPackage.open(newer, tmp.resolve("extract"), "kb"))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("format version 7")
        .hasMessageContaining("format version 1");
    assertThatThrownBy(() -> GkbPackage.readManifest(newer)).hasMessageContaining("format version 7");
  }

  @Test
  void a_truncated_package_is_refused_and_the_good_extract_is_untouched() throws IOException {
    Fixture f = fixture(100, 7);
    Path gkb = tmp.resolve("kb.gkb");
    ContentId id = GkbWriter.write(gkb, f.manifest, f.chunks, f.vectors, IndexSettings.defaults());
    Path extract = tmp.resolve("extract");
    GkbPackage.open(gkb, extract, "kb").close();
    Map<String, byte[]> before = snapshot(extract.resolve(id.value()));

    byte[] bytes = Files.readAllBytes(gkb);
    for (int length : new int[] {0, 100, bytes.length / 2, bytes.length - 10}) {
      Path cut = tmp.resolve("cut" + length + ".gkb");
      Files.write(cut, java.util.Arrays.copyOf(bytes, length));
      assertThatThrownBy(() -> GkbPackage.open(cut, extract, "kb"))
          .as("cut at %d", length)
          .isInstanceOf(GaiaException.class)
          .hasMessageContaining("damaged or incomplete");
    }
    assertThat(snapshot(extract.resolve(id.value()))).containsExactlyInAnyOrderEntriesOf(before);
    assertThat(leftovers(extract)).containsExactly(id.value());
    try (KnowledgeBase kb = GkbPackage.open(gkb, extract, "kb")) {
      assertThat(kb.search(new Query("", f.vectors.get(1), 1, 0, new Fusion.VectorOnly())).getFirst().chunk())
          .isEqualTo(f.chunks.get(1));
    }
  }

  @Test
  void opening_the_same_package_twice_reuses_the_extract() throws IOException {
    Fixture f = fixture(10, 8);
    Path gkb = tmp.resolve("kb.gkb");
    ContentId id = GkbWriter.write(gkb, f.manifest, f.chunks, f.vectors, IndexSettings.defaults());
    Path extract = tmp.resolve("extract");
    try (KnowledgeBase a = GkbPackage.open(gkb, extract, "a")) {
      Path marker = extract.resolve(id.value()).resolve(Extractor.COMPLETE);
      var stamp = Files.getLastModifiedTime(marker);
      try (KnowledgeBase b = GkbPackage.open(gkb, extract, "b")) {
        assertThat(b.contentId()).isEqualTo(a.contentId());
        assertThat(Files.getLastModifiedTime(marker)).isEqualTo(stamp);
        assertThat(b.search(new Query("", f.vectors.get(2), 1, 0, new Fusion.VectorOnly())))
            .isEqualTo(a.search(new Query("", f.vectors.get(2), 1, 0, new Fusion.VectorOnly())));
      }
    }
    assertThat(leftovers(extract)).containsExactly(id.value());
  }

  @Test
  void an_unfinished_extract_folder_is_replaced() throws IOException {
    Fixture f = fixture(10, 9);
    Path gkb = tmp.resolve("kb.gkb");
    ContentId id = GkbWriter.write(gkb, f.manifest, f.chunks, f.vectors, IndexSettings.defaults());
    Path extract = tmp.resolve("extract");
    Files.createDirectories(extract.resolve(id.value()).resolve("index"));
    Files.writeString(extract.resolve(id.value()).resolve("index").resolve("junk"), "half");
    try (KnowledgeBase kb = GkbPackage.open(gkb, extract, "kb")) {
      assertThat(kb.search(new Query("", f.vectors.get(0), 1, 0, new Fusion.VectorOnly()))).hasSize(1);
    }
    assertThat(Extractor.isComplete(extract.resolve(id.value()), id)).isTrue();
  }

  @Test
  void the_writer_leaves_no_temporary_files_and_the_zip_has_the_fixed_layout() throws IOException {
    Fixture f = fixture(10, 10);
    Path gkb = tmp.resolve("kb.gkb");
    GkbWriter.write(gkb, f.manifest, f.chunks, f.vectors, IndexSettings.defaults());
    assertThat(leftovers(tmp)).containsExactly("kb.gkb");
    try (ZipFile zip = new ZipFile(gkb.toFile())) {
      List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
      assertThat(names.subList(0, 4)).containsExactly("manifest.json", "content-id", "chunks.jsonl", "vectors.f32");
      assertThat(names.subList(4, names.size())).allMatch(n -> n.startsWith("index/")).isSorted();
      assertThat(zip.getEntry("vectors.f32").getSize()).isEqualTo(10L * DIM * 4);
    }
  }

  @Test
  void model_mismatch_names_both_models() {
    Manifest m = fixture(1, 11).manifest;
    GkbPackage.requireCompatible(m, "all-minilm-l6-v2", DIM);
    assertThatThrownBy(() -> GkbPackage.requireCompatible(m, "nomic-embed-text-v1.5", 768))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("all-minilm-l6-v2")
        .hasMessageContaining("nomic-embed-text-v1.5");
  }

  record Fixture(Manifest manifest, List<Chunk> chunks, List<float[]> vectors) {}

  /** {@code n} chunks, chunk i containing the word "word{i}", with seeded random unit vectors. */
  static Fixture fixture(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Chunk> chunks = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text = "Chunk number " + i + " talks about word" + i + " and ünïcode.";
      chunks.add(new Chunk(String.format("%032x", i), "docs/d" + (i % 3) + ".md", "Doc " + (i % 3),
          List.of("Intro", "Part " + i), 0, i * 100, i * 100 + text.length(), text, text));
      float[] v = new float[DIM];
      double norm = 0;
      for (int d = 0; d < DIM; d++) {
        v[d] = (float) random.nextGaussian();
        norm += v[d] * v[d];
      }
      for (int d = 0; d < DIM; d++) {
        v[d] = (float) (v[d] / Math.sqrt(norm));
      }
      vectors.add(v);
    }
    List<Manifest.DocumentEntry> docs = List.of(
        new Manifest.DocumentEntry("docs/d0.md", "Doc 0", "text/markdown", "00", (n + 2) / 3));
    Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, "handbook", "all-minilm-l6-v2", DIM, true,
        ChunkerSettings.defaults(), docs, n, Instant.parse("2026-01-02T03:04:05Z"));
    return new Fixture(manifest, chunks, vectors);
  }

  private static Manifest withCreatedAt(Manifest m, Instant t) {
    return new Manifest(m.formatVersion(), m.name(), m.embeddingModel(), m.dimension(), m.normalized(),
        m.chunker(), m.documents(), m.chunkCount(), t);
  }

  private static Manifest withNormalized(Manifest m, boolean normalized) {
    return new Manifest(m.formatVersion(), m.name(), m.embeddingModel(), m.dimension(), normalized,
        m.chunker(), m.documents(), m.chunkCount(), m.createdAt());
  }

  /** A copy of the package with some entries' bytes changed, everything else as it was. */
  private Path rewrite(Path gkb, Map<String, UnaryOperator<byte[]>> edits) throws IOException {
    Path out = tmp.resolve("edited-" + gkb.getFileName());
    try (ZipFile in = new ZipFile(gkb.toFile());
        OutputStream file = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (ZipEntry e : Collections.list(in.entries())) {
        byte[] bytes;
        try (InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        bytes = edits.getOrDefault(e.getName(), UnaryOperator.identity()).apply(bytes);
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    return out;
  }

  private static List<String> leftovers(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("edited-")).sorted().toList();
    }
  }

  private static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> out = new java.util.TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
