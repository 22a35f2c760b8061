package dev.gaia.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sample knowledge base in {@code samples/} loads cleanly, and its question set points at it. */
class HandbookSamplesTest {
  private static final Path SAMPLES = Path.of("..", "samples");
  private static final ChunkerSettings QUESTION_ANSWER_CSV =
      new ChunkerSettings(ChunkerSettings.Kind.CSV, 256, 32, 2, "question", "answer");

  private static LoadResult loadHandbook() {
    return DocumentLoader.create(LoadSettings.forChunker(QUESTION_ANSWER_CSV).withStrict(true))
        .loadAll(List.of(SAMPLES.resolve("handbook")));
  }

  @Test
  void every_sample_file_loads_without_problems() throws IOException {
    LoadResult result = loadHandbook();

    assertThat(result.problems()).isEmpty();
    try (var files = Files.list(SAMPLES.resolve("handbook"))) {
      assertThat(result.documents()).hasSize((int) files.count());
    }
    assertThat(result.documents()).extracting(Document::mediaType)
        .contains("text/markdown", "text/html", "text/plain", "text/csv", "application/jsonl", "application/pdf");
    assertThat(result.documents()).allSatisfy(doc -> assertThat(doc.blocks()).isNotEmpty());
  }

  @Test
  void samples_read_as_intended() {
    Map<String, Document> docs =
        loadHandbook().documents().stream().collect(Collectors.toMap(Document::source, Function.identity()));

    Document html = docs.get("troubleshooting.html");
    assertThat(html.title()).isEqualTo("Troubleshooting a Gaia node");
    assertThat(DocumentText.of(html))
        .contains("address already in use")
        .doesNotContain("Pricing", "Cookie settings", "Related articles", "analytics", "Documentation for node operators");
    assertThat(docs.get("hardware-guide.pdf").blocks()).extracting(Block::page).containsExactly(1, 2, 3);
    assertThat(docs.get("hardware-guide.pdf").title()).isEqualTo("Hardware sizing guide for Gaia nodes");
    assertThat(docs.get("faq.csv").blocks()).hasSize(10).allSatisfy(b -> assertThat(b.fields()).containsKeys("question", "answer"));
    assertThat(docs.get("install.md").title()).isEqualTo("Installing a Gaia node");
  }

  @Test
  void every_golden_question_names_existing_sample_files() throws IOException {
    Set<String> sources = loadHandbook().documents().stream().map(Document::source).collect(Collectors.toSet());
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(SAMPLES.resolve("handbook-questions.jsonl"));

    assertThat(lines).hasSizeGreaterThanOrEqualTo(25);
    for (String line : lines) {
      JsonNode question = json.readTree(line);
      assertThat(question.path("question").asText()).endsWith("?");
      assertThat(question.path("expected_sources")).isNotEmpty();
      question.path("expected_sources").forEach(s -> assertThat(sources).contains(s.asText()));
    }
  }
}
