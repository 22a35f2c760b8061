package dev.gaia.knowledge.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Chunker;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.Hashes;
import dev.gaia.knowledge.load.DocumentText;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenChunkerTest {
  private static Chunker tokens(int max, int overlap) {
    return Chunkers.create(new ChunkerSettings(ChunkerSettings.Kind.TOKENS, max, overlap, 2, "0", "1"), TestDocuments.WORDS);
  }

  private static String words(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
  }

  @Test
  void a_short_document_is_one_chunk_with_its_text_and_stable_id() {
    Document doc = TestDocuments.named("a.txt").text("Just a few words.").build();
    List<Chunk> chunks = Chunkers.create(ChunkerSettings.defaults()).chunk(doc);

    assertThat(chunks).singleElement().satisfies(chunk -> {
      assertThat(chunk.text()).isEqualTo("Just a few words.").isEqualTo(chunk.embeddingText());
      assertThat(chunk.start()).isZero();
      assertThat(chunk.end()).isEqualTo(17);
      assertThat(chunk.source()).isEqualTo("a.txt");
      assertThat(chunk.title()).isEqualTo("Title of a.txt");
      assertThat(chunk.id()).isEqualTo(Hashes.chunkId("a.txt", 0, 17, "Just a few words."));
    });
    assertThat(Chunkers.create(ChunkerSettings.defaults()).settings()).isEqualTo(ChunkerSettings.defaults());
  }

  @Test
  void windows_hold_at_most_max_tokens_and_overlap_by_at_most_the_overlap() {
    Document doc = TestDocuments.named("w.txt").text(words(0, 100)).build();
    List<Chunk> chunks = tokens(30, 5).chunk(doc);

    assertThat(chunks).extracting(Chunk::text)
        .containsExactly(words(0, 30), words(25, 55), words(50, 80), words(75, 100));
  }

  @Test
  void cuts_prefer_a_paragraph_end_then_a_sentence_end_near_the_window_end() {
    // 20-token windows: the last quarter is tokens 15..20.
    String sentences = words(0, 16) + ". " + words(16, 18) + ". " + words(18, 40);
    assertThat(tokens(20, 0).chunk(TestDocuments.named("s").text(sentences).build()).getFirst().text())
        .isEqualTo(words(0, 16) + ". " + words(16, 18) + ".");

    Document paragraphs = TestDocuments.named("p").text(words(0, 15)).text(words(15, 17) + ". " + words(17, 40)).build();
    assertThat(tokens(20, 0).chunk(paragraphs).getFirst().text()).isEqualTo(words(0, 15));

    // A sentence end early in the window is too far back: the window is filled instead.
    String early = words(0, 3) + ". " + words(3, 40);
    assertThat(tokens(20, 0).chunk(TestDocuments.named("e").text(early).build()).getFirst().text())
        .isEqualTo(words(0, 3) + ". " + words(3, 20));
  }

  @Test
  void never_cuts_inside_a_word_and_an_oversized_word_stands_alone() {
    String huge = "x".repeat(200);
    Document doc = TestDocuments.named("u").text("see " + huge + " then more words here").build();
    List<Chunk> chunks =
        Chunkers.create(new ChunkerSettings(ChunkerSettings.Kind.TOKENS, 16, 0, 2, "0", "1")).chunk(doc);

    assertThat(chunks).extracting(Chunk::text).containsExactly("see", huge, "then more words here");
  }

  @Test
  void chunks_cross_blocks_and_take_page_and_headings_from_their_first_block() {
    Document doc =
        TestDocuments.named("book.pdf")
            .block(words(0, 16), List.of("A"), 1, Map.of())
            .block(words(16, 32), List.of("B"), 2, Map.of())
            .build();
    List<Chunk> chunks = tokens(20, 0).chunk(doc);

    assertThat(chunks).extracting(Chunk::page).containsExactly(1, 2);
    assertThat(chunks).extracting(Chunk::headings).containsExactly(List.of("A"), List.of("B"));
    assertThat(chunks.getFirst().text()).isEqualTo(words(0, 16)); // the block end is a paragraph end
    String text = DocumentText.of(doc);
    assertThat(chunks).allSatisfy(c -> assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text()));
  }

  @Test
  void blocks_whose_offsets_disagree_with_the_document_text_are_refused() {
    Document wrong =
        new Document("x", "x", "text/plain", "0".repeat(64),
            List.of(dev.gaia.knowledge.Block.of("one", 0), dev.gaia.knowledge.Block.of("two", 4)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens(20, 0).chunk(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block offsets");
  }

  @Test
  void an_empty_or_blank_document_has_no_chunks() {
    assertThat(tokens(20, 0).chunk(TestDocuments.named("e").build())).isEmpty();
  }
}
