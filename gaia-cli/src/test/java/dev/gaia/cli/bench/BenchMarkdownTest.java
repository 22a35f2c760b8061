package dev.gaia.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMarkdownTest {
  @TempDir Path dir;

  @Test
  void section_names_the_machine_and_has_one_table_row_per_figure() {
    String md = MarkdownSection.render(Reports.sample());

    assertThat(md).startsWith(MarkdownSection.BEGIN).endsWith(MarkdownSection.END + "\n");
    assertThat(md).contains("2 CPUs (AMD EPYC), JDK Temurin 25, 2026-01-01");
    assertThat(md).contains("| qwen05 | generation, HTTP stream | 49.0 tok/s | 0.98x of in-process | >= 0.97x | **PASS** |");
    long tableRows = md.lines().filter(l -> l.startsWith("| qwen05 ")).count();
    assertThat(tableRows).isEqualTo(ReportRows.of(Reports.sample()).size());
  }

  @Test
  void splice_replaces_only_the_earlier_section() {
    String doc = "# Benchmarks\n\nintro\n\n" + MarkdownSection.BEGIN + "\nold\n" + MarkdownSection.END + "\n\nafter\n";

    String updated = MarkdownSection.splice(doc, MarkdownSection.BEGIN + "\nnew\n" + MarkdownSection.END + "\n");

    assertThat(updated)
        .isEqualTo("# Benchmarks\n\nintro\n\n" + MarkdownSection.BEGIN + "\nnew\n" + MarkdownSection.END + "\n\nafter\n");
  }

  @Test
  void splice_appends_to_a_document_without_a_section() {
    assertThat(MarkdownSection.splice("# Benchmarks\n", "S\n")).isEqualTo("# Benchmarks\n\nS\n");
    assertThat(MarkdownSection.splice("", "S\n")).isEqualTo("S\n");
  }

  @Test
  void writing_twice_keeps_one_section() throws Exception {
    Path file = dir.resolve("docs/benchmarks.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "# Benchmarks\n\nHow to run.\n");

    Reports.sample().writeMarkdown(file);
    Reports.sample().writeMarkdown(file);

    String text = Files.readString(file);
    assertThat(text).startsWith("# Benchmarks\n\nHow to run.\n\n" + MarkdownSection.BEGIN);
    assertThat(text.split(MarkdownSection.BEGIN, -1)).hasSize(2);
  }
}
