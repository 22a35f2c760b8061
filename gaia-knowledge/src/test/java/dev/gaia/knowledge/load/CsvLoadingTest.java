package dev.gaia.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Document;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoadingTest {
  @TempDir Path dir;

  private Document load(String csv, boolean header) throws IOException {
    Path file = dir.resolve("rows.csv");
    Files.writeString(file, csv);
    return DocumentLoader.create(new LoadSettings(List.of(), List.of(), false, header)).load(file, "rows.csv");
  }

  @Test
  void quotes_commas_doubled_quotes_and_newlines_follow_rfc_4180() throws UnreadableFile {
    List<CsvParser.Row> rows =
        CsvParser.parse("a,\"b,c\",\"say \"\"hi\"\"\"\n\"multi\nline\",,x\n\nlast,\"\"\n");

    assertThat(rows).extracting(CsvParser.Row::cells)
        .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("multi\nline", "", "x"), List.of("last", ""));
    assertThat(rows).extracting(CsvParser.Row::line).containsExactly(1, 2, 5);
  }

  @Test
  void a_quote_inside_an_unquoted_field_is_literal_and_no_final_newline_is_fine() throws UnreadableFile {
    assertThat(CsvParser.parse("5\" screen,ok")).extracting(CsvParser.Row::cells).containsExactly(List.of("5\" screen", "ok"));
  }

  @Test
  void malformed_quoting_names_the_line() {
    assertThatThrownBy(() -> CsvParser.parse("a,b\nc,\"open\nnever closed"))
        .isInstanceOf(UnreadableFile.class)
        .hasMessage("line 2: quoted field never closed");
    assertThatThrownBy(() -> CsvParser.parse("a,b\n\"x\"y,z"))
        .isInstanceOf(UnreadableFile.class)
        .hasMessage("line 2: text after a closing quote");
  }

  @Test
  void rows_become_blocks_with_cells_by_index_and_header_name() throws IOException {
    Document doc = load("question,answer\n\"What, exactly?\",\"It is \"\"this\"\".\"\n,\n Why? , Because. \n", true);

    assertThat(doc.mediaType()).isEqualTo("text/csv");
    assertThat(doc.blocks()).hasSize(2);
    Block first = doc.blocks().getFirst();
    assertThat(first.fields())
        .containsEntry("question", "What, exactly?")
        .containsEntry("answer", "It is \"this\".")
        .containsEntry("0", "What, exactly?")
        .containsEntry("1", "It is \"this\".");
    assertThat(first.text()).isEqualTo("What, exactly?\nIt is \"this\".");
    assertThat(doc.blocks().get(1).fields()).containsEntry("question", "Why?").containsEntry("1", "Because.");
  }

  @Test
  void without_a_header_the_first_row_is_data() throws IOException {
    Document doc = load("q1,a1\nq2,a2\n", false);
    assertThat(doc.blocks()).extracting(b -> b.fields().get("0")).containsExactly("q1", "q2");
  }

  @Test
  void bad_quoting_fails_the_file() {
    assertThatThrownBy(() -> load("a,\"b\n", false)).isInstanceOf(GaiaException.class).hasMessage("rows.csv: line 1: quoted field never closed");
  }
}
