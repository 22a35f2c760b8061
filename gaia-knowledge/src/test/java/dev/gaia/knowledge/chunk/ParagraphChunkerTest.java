package dev.gaia.knowledge.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Chunker;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParagraphChunkerTest {
  private static Chunker paragraphs(int max) {
    return Chunkers.create(new ChunkerSettings(ChunkerSettings.Kind.PARAGRAPH, max, 0, 2, "0", "1"), TestDocuments.WORDS);
  }

  @Test
  void every_blank_line_separated_paragraph_is_a_chunk() {
    Document doc =
        TestDocuments.named("t.txt")
            .text("First paragraph\nstill first.\n   \nSecond, after a line of spaces.")
            .block("Third, its own block.", List.of("H"), 4, Map.of())
            .build();
    List<Chunk> chunks = paragraphs(100).chunk(doc);

    assertThat(chunks).extracting(Chunk::text)
        .containsExactly("First paragraph\nstill first.", "Second, after a line of spaces.", "Third, its own block.");
    assertThat(chunks.get(2).headings()).containsExactly("H");
    assertThat(chunks.get(2).page()).isEqualTo(4);
  }

  @Test
  void a_paragraph_over_the_limit_is_cut_by_the_token_rule() {
    String longParagraph = String.join(" ", java.util.Collections.nCopies(40, "word"));
    Document doc = TestDocuments.named("t.txt").text("Short one.").text(longParagraph).build();
    List<Chunk> chunks = paragraphs(16).chunk(doc);

    assertThat(chunks).hasSize(4);
    assertThat(chunks.getFirst().text()).isEqualTo("Short one.");
    assertThat(chunks.subList(1, 4)).allSatisfy(c -> assertThat(TestDocuments.WORDS.count(c.text())).isLessThanOrEqualTo(16));
  }
}
