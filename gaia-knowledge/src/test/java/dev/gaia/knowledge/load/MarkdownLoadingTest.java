package dev.gaia.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownLoadingTest {
  @TempDir Path dir;

  private Document load(String name, String markdown) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, markdown);
    return DocumentLoader.create(LoadSettings.defaults()).load(file, "docs/" + name);
  }

  @Test
  void headings_become_blocks_and_paths_of_the_blocks_below() throws IOException {
    Document doc =
        load(
            "guide.md",
            """
            # Guide

            Intro text.

            ## Install

            Run *it*.

            ### On Linux

            - one
            - two

            ## Configure

            Edit the file.
            """);

    assertThat(doc.title()).isEqualTo("Guide");
    assertThat(doc.mediaType()).isEqualTo("text/markdown");
    assertThat(doc.source()).isEqualTo("docs/guide.md");
    assertThat(doc.blocks())
        .extracting(Block::text, Block::headings)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Guide", List.of("Guide")),
            org.assertj.core.groups.Tuple.tuple("Intro text.", List.of("Guide")),
            org.assertj.core.groups.Tuple.tuple("Install", List.of("Guide", "Install")),
            org.assertj.core.groups.Tuple.tuple("Run it.", List.of("Guide", "Install")),
            org.assertj.core.groups.Tuple.tuple("On Linux", List.of("Guide", "Install", "On Linux")),
            org.assertj.core.groups.Tuple.tuple("- one\n- two", List.of("Guide", "Install", "On Linux")),
            org.assertj.core.groups.Tuple.tuple("Configure", List.of("Guide", "Configure")),
            org.assertj.core.groups.Tuple.tuple("Edit the file.", List.of("Guide", "Configure")));
    assertThat(doc.blocks().get(2).fields()).containsEntry(BlockFields.HEADING_LEVEL, "2");
    assertThat(doc.blocks().get(3).fields()).isEmpty();
  }

  @Test
  void block_offsets_point_into_the_document_text() throws IOException {
    Document doc = load("a.md", "# T\n\npara one\nline two\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    String text = DocumentText.of(doc);
    for (Block block : doc.blocks()) {
      assertThat(text.substring(block.offset(), block.offset() + block.text().length())).isEqualTo(block.text());
    }
    assertThat(text).isEqualTo("T\n\npara one\nline two\n\ncode\n\n| a | b |\n|---|---|\n| 1 | 2 |");
  }

  @Test
  void title_falls_back_to_front_matter_then_file_name() throws IOException {
    assertThat(load("plain.md", "## Only a second level\n\ntext").title()).isEqualTo("plain.md");
    assertThat(load("front.md", "---\ntitle: \"From front matter\"\ntags: [a]\n---\n# Heading\n\nBody").title())
        .isEqualTo("From front matter");
    assertThat(load("front2.md", "---\ntitle: x\n---\nBody").blocks()).extracting(Block::text).containsExactly("Body");
  }

  @Test
  void crlf_and_bom_are_normalised() throws IOException {
    Path file = dir.resolve("win.md");
    Files.write(file, "\uFEFF# Win\r\n\r\nline\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Document doc = DocumentLoader.create(LoadSettings.defaults()).load(file, "win.md");
    assertThat(doc.title()).isEqualTo("Win");
    assertThat(DocumentText.of(doc)).isEqualTo("Win\n\nline");
  }
}
