package dev.gaia.knowledge.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.inference.onnx.OnnxEmbeddings;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Fusion;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.Query;
import dev.gaia.knowledge.eval.EvalReport;
import dev.gaia.knowledge.eval.RetrievalEval;
import dev.gaia.knowledge.index.IndexSettings;
import dev.gaia.knowledge.pack.GkbPackage;
import dev.gaia.protocol.GaiaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the repository's sample handbook with the real embedding model. */
class KnowledgeBuilderTest {
  static final Path SAMPLES = Path.of("..", "samples", "handbook").toAbsolutePath().normalize();
  static final Path QUESTIONS = Path.of("..", "samples", "handbook-questions.jsonl").toAbsolutePath().normalize();
  static ExecutorService pool;
  static EmbeddingEngine embedder;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @BeforeAll
  static void load() {
    pool = Executors.newFixedThreadPool(2);
    embedder = OnnxEmbeddings.allMiniLmL6V2(pool);
  }

  @AfterAll
  static void close() {
    pool.shutdownNow();
  }

  static KnowledgeBuilder builder() {
    return new KnowledgeBuilder(embedder, IndexSettings.defaults(), CLOCK);
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  @Test
  void builds_the_samples_into_a_searchable_package_and_rebuilds_incrementally(@TempDir Path dir) throws Exception {
    Path docs = dir.resolve("docs");
    copyTree(SAMPLES, docs);
    Path out = dir.resolve("handbook.gkb");
    BuildResult first = builder().build(BuildPlan.of(List.of(docs), out, "handbook", ChunkerSettings.defaults()), BuildProgress.silent());
    assertThat(first.problems()).isEmpty();
    assertThat(first.manifest().documents()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(first.embedded()).isEqualTo(first.manifest().chunkCount());
    assertThat(first.reused()).isZero();
    assertThat(first.manifest().documents()).anySatisfy(d -> assertThat(d.mediaType()).isEqualTo("application/pdf"));

    try (KnowledgeBase kb = GkbPackage.open(out, dir.resolve("extract"), "handbook")) {
      String question = "Can the node use a GGUF file that is already on my disk instead of downloading one?";
      float[] q = embedder.embed(List.of(question)).vectors().getFirst();
      List<Hit> hits = kb.search(new Query(question, q, 5, 0, Fusion.defaults()));
      assertThat(hits).isNotEmpty();
      assertThat(hits.stream().map(h -> h.chunk().source())).contains("install.md");
    }

    BuildResult same = builder().build(BuildPlan.of(List.of(docs), out, "handbook", ChunkerSettings.defaults()), BuildProgress.silent());
    assertThat(same.embedded()).isZero();
    assertThat(same.contentId()).isEqualTo(first.contentId());

    Files.writeString(docs.resolve("new-note.md"), "# Backups\n\nBack up the node home folder every night with rsync.\n");
    BuildResult changed = builder().build(BuildPlan.of(List.of(docs), out, "handbook", ChunkerSettings.defaults()), BuildProgress.silent());
    assertThat(changed.embedded()).isEqualTo(1);
    assertThat(changed.reused()).isEqualTo(first.manifest().chunkCount());
    assertThat(changed.contentId()).isNotEqualTo(first.contentId());
  }

  @Test
  void the_golden_questions_are_answered_by_hybrid_search(@TempDir Path dir) {
    Path out = dir.resolve("handbook.gkb");
    builder().build(BuildPlan.of(List.of(SAMPLES), out, "handbook", ChunkerSettings.defaults()), BuildProgress.silent());
    try (KnowledgeBase kb = GkbPackage.open(out, dir.resolve("extract"), "handbook")) {
      List<EvalReport> reports = new RetrievalEval(embedder).compare(kb, RetrievalEval.read(QUESTIONS), 5);
      EvalReport hybrid = reports.get(2);
      // A quality floor, not a timing: retrieval on the golden set must stay useful.
      assertThat(hybrid.recallAtK()).as(hybrid.misses().toString()).isGreaterThanOrEqualTo(0.8);
      assertThat(hybrid.mrr()).isGreaterThan(0.5);
    }
  }

  @Test
  void an_empty_folder_is_a_clear_error(@TempDir Path dir) throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> builder().build(BuildPlan.of(List.of(empty), dir.resolve("x.gkb"), "x", ChunkerSettings.defaults()),
        BuildProgress.silent()))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("nothing to index");
    assertThat(dir.resolve("x.gkb")).doesNotExist();
  }

  @Test
  void unreadable_files_are_reported_and_skipped(@TempDir Path dir) throws Exception {
    Path docs = Files.createDirectory(dir.resolve("docs"));
    Files.writeString(docs.resolve("good.md"), "# Good\n\nThis document is fine and has some text.\n");
    Files.write(docs.resolve("broken.pdf"), new byte[] {1, 2, 3, 4});
    BuildResult r = builder().build(BuildPlan.of(List.of(docs), dir.resolve("x.gkb"), "x", ChunkerSettings.defaults()), BuildProgress.silent());
    assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.source()).isEqualTo("broken.pdf"));
    assertThat(r.manifest().documents()).hasSize(1);
  }
}
