package dev.gaia.knowledge.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Chunker;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.load.BlockFields;
import dev.gaia.knowledge.load.DocumentText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of every text-based chunker over random documents. Each case has its own seed,
 * printed in a failure's description; set {@link #REPLAY} to it to rerun just that case.
 */
class ChunkPropertiesTest {
  private static final long BASE_SEED = 0x6a1a_2025L;
  private static final int CASES = 300;
  /** A seed from a failure message, to replay one case; 0 runs them all. */
  private static final long REPLAY = 0;

  private static final List<String> WORDS =
      List.of("node", "the", "configuration", "Gaia", "a", "of", "8080", "config.json,", "(see", "below)", "日本語",
          "naïve", "—", "it's", "x".repeat(60), "embedding", "chunk", "\"quoted\"", "e.g.", "tokens;");
  private static final List<String> ENDS = List.of(". ", "? ", "! ", ".\n", "\n", " ", " ", " ", " ", " ", "\n  \n", "\n\n");

  @Test
  void chunk_offsets_text_coverage_limits_and_determinism_hold_for_random_documents() {
    int chunks = 0;
    int blocks = 0;
    for (int i = 0; i < CASES; i++) {
      long seed = REPLAY != 0 ? REPLAY : BASE_SEED + i;
      blocks += randomDocument(new Random(seed)).blocks().size();
      chunks += checkCase(seed);
      if (REPLAY != 0) {
        return;
      }
    }
    // The generator must make documents long enough to be cut, or the properties prove little.
    assertThat(chunks).isGreaterThan(blocks);
  }

  /** Checks one random case and returns how many chunks it made. */
  private static int checkCase(long seed) {
    Random random = new Random(seed);
    Document doc = randomDocument(random);
    ChunkerSettings.Kind kind =
        List.of(ChunkerSettings.Kind.TOKENS, ChunkerSettings.Kind.PARAGRAPH, ChunkerSettings.Kind.MARKDOWN)
            .get(random.nextInt(3));
    int max = 16 + random.nextInt(60);
    int overlap = random.nextInt(max / 2);
    ChunkerSettings settings = new ChunkerSettings(kind, max, overlap, 1 + random.nextInt(3), "0", "1");
    TokenCounter counter = TokenCounter.approximate();
    Chunker chunker = Chunkers.create(settings, counter);
    String text = DocumentText.of(doc);
    String where = "seed " + seed + " (" + settings + ")";

    List<Chunk> chunks = chunker.chunk(doc);

    assertThat(Chunkers.create(settings, counter).chunk(doc)).as(where).isEqualTo(chunks);
    boolean[] covered = new boolean[text.length()];
    int previousStart = -1;
    for (Chunk chunk : chunks) {
      assertThat(chunk.end()).as(where).isLessThanOrEqualTo(text.length());
      assertThat(text.substring(chunk.start(), chunk.end())).as(where).isEqualTo(chunk.text()).isEqualTo(chunk.embeddingText());
      assertThat(chunk.text()).as(where).isNotBlank().isEqualTo(chunk.text().strip());
      assertThat(chunk.start() == 0 || Character.isWhitespace(text.charAt(chunk.start() - 1))).as(where + " cut in a word").isTrue();
      assertThat(chunk.end() == text.length() || Character.isWhitespace(text.charAt(chunk.end()))).as(where + " cut in a word").isTrue();
      assertThat(chunk.start()).as(where + " order").isGreaterThan(previousStart);
      previousStart = chunk.start();
      if (chunk.text().split("\\s+").length > 1) {
        assertThat(counter.count(chunk.text())).as(where + " over the limit: " + chunk.text()).isLessThanOrEqualTo(max);
      }
      Block first = firstBlock(doc, chunk.start());
      assertThat(chunk.page()).as(where).isEqualTo(first.page());
      assertThat(chunk.headings()).as(where).isEqualTo(first.headings());
      for (int c = chunk.start(); c < chunk.end(); c++) {
        covered[c] = true;
      }
    }
    for (int c = 0; c < text.length(); c++) {
      if (!Character.isWhitespace(text.charAt(c))) {
        assertThat(covered[c]).as(where + " lost the character at " + c).isTrue();
      }
    }
    return chunks.size();
  }

  private static Block firstBlock(Document doc, int offset) {
    Block found = doc.blocks().getFirst();
    for (Block block : doc.blocks()) {
      if (block.offset() <= offset) {
        found = block;
      }
    }
    return found;
  }

  private static Document randomDocument(Random random) {
    TestDocuments doc = TestDocuments.named("random-" + random.nextInt(1000) + ".md");
    List<String> path = new ArrayList<>();
    int blocks = random.nextInt(12);
    int page = 1;
    for (int b = 0; b < blocks; b++) {
      if (random.nextInt(4) == 0) {
        int level = 1 + random.nextInt(3);
        String heading = "Heading " + b;
        while (path.size() >= level) {
          path.removeLast();
        }
        path.add(heading);
        doc.block(heading, path, page, Map.of(BlockFields.HEADING_LEVEL, Integer.toString(level)));
        continue;
      }
      StringBuilder text = new StringBuilder();
      int words = 1 + random.nextInt(random.nextInt(5) == 0 ? 300 : 40);
      for (int w = 0; w < words; w++) {
        text.append(WORDS.get(random.nextInt(WORDS.size()))).append(ENDS.get(random.nextInt(ENDS.size())));
      }
      page += random.nextInt(2);
      doc.block(text.toString().strip(), List.copyOf(path), page, Map.of());
    }
    return doc.build();
  }
}
