package dev.gaia.knowledge.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.load.DocumentLoader;
import dev.gaia.knowledge.load.LoadSettings;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvChunkerTest {
  @TempDir Path dir;

  private static ChunkerSettings csv(String embed, String source) {
    return new ChunkerSettings(ChunkerSettings.Kind.CSV, 256, 32, 2, embed, source);
  }

  private Document load(String csv, ChunkerSettings settings) throws IOException {
    Path file = dir.resolve("faq.csv");
    Files.writeString(file, csv);
    return DocumentLoader.create(LoadSettings.forChunker(settings)).load(file, "faq.csv");
  }

  @Test
  void one_chunk_per_row_embedding_one_column_and_returning_another() throws IOException {
    ChunkerSettings settings = csv("question", "answer");
    Document doc = load("question,answer\nWhat port?,\"8080, by default.\"\n,orphan answer\nBlank answer?,\n", settings);
    List<Chunk> chunks = Chunkers.create(settings).chunk(doc);

    assertThat(chunks).extracting(Chunk::embeddingText).containsExactly("What port?", "Blank answer?");
    assertThat(chunks).extracting(Chunk::text).containsExactly("8080, by default.", "Blank answer?");
    Chunk first = chunks.getFirst();
    assertThat(first.start()).isZero();
    assertThat(first.end()).isEqualTo(doc.blocks().getFirst().text().length());
  }

  @Test
  void gaia_convention_by_index_without_header_and_empty_source_column() throws IOException {
    ChunkerSettings byIndex = ChunkerSettings.defaults().withKind(ChunkerSettings.Kind.CSV);
    Document doc = load("What port?,8080\nWhich model?,Qwen\n", byIndex);
    assertThat(Chunkers.create(byIndex).chunk(doc)).extracting(Chunk::embeddingText, Chunk::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("What port?", "8080"),
            org.assertj.core.groups.Tuple.tuple("Which model?", "Qwen"));

    ChunkerSettings embedOnly = csv("1", "");
    assertThat(Chunkers.create(embedOnly).chunk(doc)).extracting(Chunk::text).containsExactly("8080", "Qwen");
  }

  @Test
  void a_missing_column_is_an_invalid_request_naming_row_and_columns() throws IOException {
    ChunkerSettings settings = csv("question", "reply");
    Document doc = load("question,answer\nq,a\n", settings);
    assertThatThrownBy(() -> Chunkers.create(settings).chunk(doc))
        .isInstanceOf(GaiaException.class)
        .hasMessage("faq.csv row 1 has no column 'reply' (has: 0, 1, answer, question)");
  }
}
