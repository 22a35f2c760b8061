package dev.gaia.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.gaia.inference.gguf.GgmlType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic tiny model through the real llama.cpp (b4916 in java-llama.cpp 4.2.0), on CPU. */
class LlamaCppLoadsSyntheticModelTest {
  private static final int SEED = 42;

  @TempDir static Path dir;
  private static LlamaModel model;

  @BeforeAll
  static void load() throws Exception {
    // Extract the native library into this test's folder, not a shared /tmp location.
    System.setProperty(
        "de.kherud.llama.tmpdir", Files.createDirectories(dir.resolve("native")).toString());
    model = open(SyntheticModels.write(SyntheticModelSpec.tiny(), dir.resolve("tiny.gguf")));
  }

  @AfterAll
  static void close() {
    if (model != null) {
      model.close();
    }
  }

  private static LlamaModel open(Path gguf) {
    return new LlamaModel(
        new ModelParameters()
            .setModel(gguf.toString())
            .setCtxSize(512)
            .setThreads(2)
            .setGpuLayers(0)
            // Else llama.cpp logs hundreds of lines per load straight to stderr, past surefire.
            .disableLog());
  }

  @Test
  void english_words_are_single_tokens() {
    assertThat(withoutBos(model.encode("hello world"))).containsExactly(id("▁hello"), id("▁world"));
  }

  @Test
  void chatml_markers_are_single_control_tokens() {
    assertThat(withoutBos(model.encode("<|im_start|>user")))
        .containsExactly(SyntheticVocabulary.IM_START_ID, id("▁user"));
    assertThat(withoutBos(model.encode("<|im_end|>")))
        .containsExactly(SyntheticVocabulary.IM_END_ID);
  }

  @Test
  void greedy_generation_is_deterministic() {
    List<String> first = generate(model, "hello world");
    List<String> second = generate(model, "hello world");

    assertThat(first).isEqualTo(second);
    assertThat(String.join("", first)).isNotBlank();
  }

  @Test
  void generation_stops_at_im_end_and_at_eos() {
    for (int stop : new int[] {SyntheticVocabulary.IM_END_ID, SyntheticVocabulary.EOS_ID}) {
      InferenceParameters forced =
          greedy("hello world").setTokenIdBias(Map.of(stop, 100f)); // the first token is `stop`

      assertThat(model.complete(forced)).as("token %d", stop).isEmpty();
    }
  }

  @Test
  void chat_template_renders_chatml() {
    InferenceParameters chat =
        new InferenceParameters("")
            .setMessages("You are terse.", List.of(new Pair<>("user", "hello world")));

    assertThat(model.applyTemplate(chat))
        .isEqualTo(
            "<|im_start|>system\nYou are terse.<|im_end|>\n"
                + "<|im_start|>user\nhello world<|im_end|>\n"
                + "<|im_start|>assistant\n");
  }

  @Test
  void quantized_tiny_models_load_and_generate() {
    for (GgmlType type : new GgmlType[] {GgmlType.Q8_0, GgmlType.Q4_0}) {
      SyntheticModelSpec spec = SyntheticModelSpec.tiny().withTensorType(type);
      try (LlamaModel quantized = open(SyntheticModels.cached(spec, dir))) {
        assertThat(String.join("", generate(quantized, "hello world")))
            .as(type.toString())
            .isNotBlank();
      }
    }
  }

  private static InferenceParameters greedy(String prompt) {
    return new InferenceParameters(prompt).setTemperature(0).setNPredict(16).setSeed(SEED);
  }

  /** The streamed pieces, the last one being the empty final one; EOG is suppressed. */
  private static List<String> generate(LlamaModel m, String prompt) {
    List<String> pieces = new ArrayList<>();
    for (LlamaOutput out : m.generate(greedy(prompt).setIgnoreEos(true))) {
      pieces.add(out.text);
    }
    return pieces;
  }

  private static int[] withoutBos(int[] tokens) {
    return tokens.length > 0 && tokens[0] == SyntheticVocabulary.BOS_ID
        ? Arrays.copyOfRange(tokens, 1, tokens.length)
        : tokens;
  }

  private static int id(String token) {
    int id = SyntheticVocabulary.of(SyntheticModelSpec.tiny().vocabSize()).tokens().indexOf(token);
    assertThat(id).as(token).isNotNegative();
    return id;
  }
}
