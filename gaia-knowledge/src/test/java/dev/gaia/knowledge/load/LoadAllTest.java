package dev.gaia.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.Hashes;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadAllTest {
  @TempDir Path dir;

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private void writeMixedFolder() throws IOException {
    write("good.txt", "Para one.\n\n\n  \nPara two\nstill two.\n");
    write("bad.jsonl", "{\"text\": \"fine\"}\nnot json\n");
    write("image.png", "\u0089PNG");
    write("empty.md", "\n\n");
  }

  @Test
  void lenient_load_keeps_good_files_and_reports_the_others_by_name() throws IOException {
    writeMixedFolder();
    LoadResult result = DocumentLoader.create(LoadSettings.defaults()).loadAll(List.of(dir));

    assertThat(result.documents()).extracting(Document::source).containsExactly("good.txt");
    assertThat(result.problems())
        .extracting(LoadProblem::source, LoadProblem::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bad.jsonl", LoadProblem.Kind.UNREADABLE),
            org.assertj.core.groups.Tuple.tuple("empty.md", LoadProblem.Kind.EMPTY),
            org.assertj.core.groups.Tuple.tuple("image.png", LoadProblem.Kind.UNSUPPORTED));
    assertThat(result.problems().getFirst().reason()).startsWith("line 2: not JSON");
    assertThat(result.problems().get(2).reason()).contains("unsupported file type").contains("md");
    assertThat(result.errors()).extracting(LoadProblem::source).containsExactly("bad.jsonl", "image.png");
  }

  @Test
  void strict_load_fails_naming_every_bad_file_but_not_empty_ones() throws IOException {
    writeMixedFolder();
    assertThatThrownBy(() -> DocumentLoader.create(LoadSettings.defaults().withStrict(true)).loadAll(List.of(dir)))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("bad.jsonl: line 2")
        .hasMessageContaining("image.png: unsupported")
        .hasMessageNotContaining("empty.md")
        .extracting(e -> ((GaiaException) e).kind())
        .isEqualTo(ErrorKind.INVALID_REQUEST);

    Files.delete(dir.resolve("bad.jsonl"));
    Files.delete(dir.resolve("image.png"));
    LoadResult result = DocumentLoader.create(LoadSettings.defaults().withStrict(true)).loadAll(List.of(dir));
    assertThat(result.documents()).hasSize(1);
    assertThat(result.problems()).extracting(LoadProblem::kind).containsExactly(LoadProblem.Kind.EMPTY);
  }

  @Test
  void text_files_are_cut_into_paragraph_blocks_and_hashed_by_their_bytes() throws IOException {
    writeMixedFolder();
    Document doc = DocumentLoader.create(LoadSettings.defaults()).load(dir.resolve("good.txt"), "good.txt");

    assertThat(doc.blocks()).extracting(Block::text).containsExactly("Para one.", "Para two\nstill two.");
    assertThat(doc.blocks()).extracting(Block::offset).containsExactly(0, 11);
    assertThat(doc.title()).isEqualTo("good.txt");
    assertThat(doc.sha256()).isEqualTo(HexFormat.of().formatHex(Hashes.sha256(Files.readAllBytes(dir.resolve("good.txt")))));
  }

  @Test
  void invalid_utf8_text_is_unreadable() throws IOException {
    Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    assertThatThrownBy(() -> DocumentLoader.create(LoadSettings.defaults()).load(dir.resolve("latin1.txt"), "latin1.txt"))
        .isInstanceOf(GaiaException.class)
        .hasMessage("latin1.txt: not UTF-8 text");
  }

  @Test
  void two_roots_giving_the_same_source_name_report_the_second() throws IOException {
    write("one/same.md", "# A");
    write("two/same.md", "# B");
    LoadResult result = DocumentLoader.create(LoadSettings.defaults()).loadAll(List.of(dir.resolve("one"), dir.resolve("two")));
    assertThat(result.documents()).extracting(Document::title).containsExactly("A");
    assertThat(result.problems()).extracting(LoadProblem::kind).containsExactly(LoadProblem.Kind.DUPLICATE);
  }

  @Test
  void loading_is_deterministic() throws IOException {
    writeMixedFolder();
    write("sub/page.html", "<p>Hello</p>");
    DocumentLoader loader = DocumentLoader.create(LoadSettings.defaults());
    assertThat(loader.loadAll(List.of(dir))).isEqualTo(loader.loadAll(List.of(dir)));
  }
}
