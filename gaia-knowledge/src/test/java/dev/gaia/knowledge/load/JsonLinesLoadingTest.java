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

class JsonLinesLoadingTest {
  @TempDir Path dir;

  private Document load(String jsonl) throws IOException {
    Path file = dir.resolve("notes.jsonl");
    Files.writeString(file, jsonl);
    return DocumentLoader.create(LoadSettings.defaults()).load(file, "notes.jsonl");
  }

  @Test
  void each_object_is_a_block_with_text_or_content() throws IOException {
    Document doc =
        load(
            """
            {"title": "One", "source": "https://example.org/1", "text": "First text."}

            {"content": "Second text.", "id": 7}
            """);

    assertThat(doc.mediaType()).isEqualTo("application/jsonl");
    assertThat(doc.blocks()).extracting(Block::text).containsExactly("First text.", "Second text.");
    assertThat(doc.blocks().getFirst().headings()).containsExactly("One");
    assertThat(doc.blocks().getFirst().fields())
        .containsEntry("title", "One")
        .containsEntry("source", "https://example.org/1")
        .containsEntry(BlockFields.LINE, "1");
    assertThat(doc.blocks().get(1).headings()).isEmpty();
    assertThat(doc.blocks().get(1).fields()).isEqualTo(java.util.Map.of(BlockFields.LINE, "3"));
  }

  @Test
  void a_bad_line_is_an_error_naming_the_line() {
    assertThatThrownBy(() -> load("{\"text\": \"ok\"}\n{\"text\": \"broken\"\n"))
        .isInstanceOf(GaiaException.class)
        .hasMessageStartingWith("notes.jsonl: line 2: not JSON");
    assertThatThrownBy(() -> load("{\"text\": \"ok\"}\n[1, 2]\n"))
        .isInstanceOf(GaiaException.class)
        .hasMessage("notes.jsonl: line 2: not a JSON object");
    assertThatThrownBy(() -> load("{\"title\": \"no text\"}"))
        .isInstanceOf(GaiaException.class)
        .hasMessage("notes.jsonl: line 1: no string field \"text\" or \"content\"");
  }

  @Test
  void only_blank_lines_give_an_empty_document() throws IOException {
    assertThat(load("\n\n").blocks()).isEqualTo(List.of());
  }
}
