package dev.gaia.knowledge.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.load.DocumentLoader;
import dev.gaia.knowledge.load.LoadSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownChunkerTest {
  private static final String GUIDE =
      """
      Preamble before any heading.

      # Guide

      Intro.

      ## Install

      Run it.

      ### On Linux

      Use the script.

      ## Configure

      Edit the file.
      """;

  @TempDir Path dir;

  private Document load(String markdown) throws IOException {
    Path file = dir.resolve("guide.md");
    Files.writeString(file, markdown);
    return DocumentLoader.create(LoadSettings.defaults()).load(file, "guide.md");
  }

  private static List<Chunk> chunk(Document doc, int headingLevel, int maxTokens) {
    return Chunkers.create(
            new ChunkerSettings(ChunkerSettings.Kind.MARKDOWN, maxTokens, 0, headingLevel, "0", "1"), TestDocuments.WORDS)
        .chunk(doc);
  }

  @Test
  void a_chunk_starts_at_each_heading_down_to_the_level_and_keeps_its_path() throws IOException {
    List<Chunk> chunks = chunk(load(GUIDE), 2, 256);

    assertThat(chunks).extracting(Chunk::text)
        .containsExactly(
            "Preamble before any heading.",
            "Guide\n\nIntro.",
            "Install\n\nRun it.\n\nOn Linux\n\nUse the script.",
            "Configure\n\nEdit the file.");
    assertThat(chunks).extracting(Chunk::headings)
        .containsExactly(List.of(), List.of("Guide"), List.of("Guide", "Install"), List.of("Guide", "Configure"));
  }

  @Test
  void level_one_keeps_whole_top_sections_and_level_three_splits_deeper() throws IOException {
    Document doc = load(GUIDE);
    assertThat(chunk(doc, 1, 256)).extracting(Chunk::headings).containsExactly(List.of(), List.of("Guide"));
    assertThat(chunk(doc, 3, 256)).extracting(Chunk::headings)
        .containsExactly(
            List.of(), List.of("Guide"), List.of("Guide", "Install"), List.of("Guide", "Install", "On Linux"),
            List.of("Guide", "Configure"));
  }

  @Test
  void a_long_section_is_cut_by_tokens_and_its_pieces_keep_the_heading() throws IOException {
    String body = String.join(" ", java.util.Collections.nCopies(50, "word"));
    List<Chunk> chunks = chunk(load("# Top\n\n## Long\n\n" + body + "\n"), 2, 20);

    assertThat(chunks.getFirst().text()).isEqualTo("Top");
    assertThat(chunks.subList(1, chunks.size())).hasSizeGreaterThan(2)
        .allSatisfy(c -> assertThat(TestDocuments.WORDS.count(c.text())).isLessThanOrEqualTo(20));
    assertThat(chunks.get(1).headings()).containsExactly("Top", "Long");
    assertThat(chunks.getLast().headings()).containsExactly("Top", "Long");
  }
}
