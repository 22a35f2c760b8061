package dev.gaia.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK against a real node over a real socket. */
class OpenAiClientTest {
  static TestNode node;
  static OpenAIClient client;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl(node.url() + "/v1")
            .apiKey("not-needed")
            .maxRetries(0)
            .timeout(Duration.ofSeconds(60))
            .responseValidation(true)
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    node.close();
  }

  @SuppressWarnings("deprecation") // seed is deprecated by OpenAI but honoured by llama.cpp
  private static ChatCompletionCreateParams.Builder chat(String text) {
    return ChatCompletionCreateParams.builder()
        .model(TestNode.MODEL)
        .addSystemMessage("You are a test.")
        .addUserMessage(text)
        .temperature(0.0)
        .seed(7L);
  }

  @Test
  void lists_the_chat_and_embedding_models() {
    List<String> ids = client.models().list().data().stream().map(Model::id).toList();
    assertThat(ids).contains(TestNode.MODEL, "all-MiniLM-L6-v2");
  }

  @Test
  void chat_completion_reports_usage_and_length_finish() {
    ChatCompletion c = client.chat().completions().create(chat("hello world").maxCompletionTokens(6).build());
    assertThat(c.model()).isEqualTo(TestNode.MODEL);
    assertThat(c.choices()).hasSize(1);
    ChatCompletion.Choice choice = c.choices().getFirst();
    assertThat(choice.message().content()).isPresent();
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
    assertThat(c.usage()).isPresent();
    assertThat(c.usage().get().completionTokens()).isEqualTo(6);
    assertThat(c.usage().get().promptTokens()).isGreaterThan(5);
    assertThat(c.usage().get().totalTokens())
        .isEqualTo(c.usage().get().promptTokens() + c.usage().get().completionTokens());
  }

  @Test
  void greedy_chat_is_deterministic() {
    ChatCompletionCreateParams params = chat("tell me about the sea").maxCompletionTokens(12).build();
    String first = client.chat().completions().create(params).choices().getFirst().message().content().orElseThrow();
    String second = client.chat().completions().create(params).choices().getFirst().message().content().orElseThrow();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void streaming_chat_matches_non_streaming_and_ends_with_usage() {
    ChatCompletionCreateParams params =
        chat("the quick brown fox")
            .maxCompletionTokens(10)
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
            .build();
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
      stream.stream().forEach(chunks::add);
    }
    StringBuilder text = new StringBuilder();
    chunks.forEach(ch -> ch.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
    ChatCompletionChunk last = chunks.getLast();
    assertThat(last.choices()).isEmpty();
    assertThat(last.usage()).isPresent();
    assertThat(last.usage().get().completionTokens()).isEqualTo(10);
    assertThat(chunks.getFirst().choices().getFirst().delta().role()).isPresent();
    assertThat(chunks.stream().flatMap(c -> c.choices().stream()).filter(c -> c.finishReason().isPresent()))
        .hasSize(1);

    ChatCompletionCreateParams plain = chat("the quick brown fox").maxCompletionTokens(10).build();
    String whole = client.chat().completions().create(plain).choices().getFirst().message().content().orElseThrow();
    assertThat(text.toString()).isEqualTo(whole);
  }

  @Test
  void legacy_completion_returns_text() {
    Completion c =
        client.completions()
            .create(
                CompletionCreateParams.builder()
                    .model(TestNode.MODEL)
                    .prompt("Once upon a time")
                    .maxTokens(5)
                    .temperature(0.0)
                    .build());
    assertThat(c.choices()).hasSize(1);
    assertThat(c.usage().orElseThrow().completionTokens()).isEqualTo(5);
    assertThat(c.choices().getFirst().finishReason()).isEqualTo(com.openai.models.completions.CompletionChoice.FinishReason.LENGTH);
  }

  @Test
  void embeddings_are_normalised_384_dim_vectors() {
    CreateEmbeddingResponse r =
        client.embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model("all-MiniLM-L6-v2")
                    .inputOfArrayOfStrings(List.of("how do I reset my password?", "the weather is nice"))
                    .build());
    assertThat(r.data()).hasSize(2);
    List<Float> v = r.data().getFirst().embedding();
    assertThat(v).hasSize(384);
    double norm = Math.sqrt(v.stream().mapToDouble(x -> x * x).sum());
    assertThat(norm).isBetween(0.99, 1.01);
    assertThat(r.usage().promptTokens()).isGreaterThan(0);
  }

  @Test
  void json_mode_returns_a_json_object() throws Exception {
    ChatCompletion c =
        client.chat()
            .completions()
            .create(
                chat("give me json")
                    .maxCompletionTokens(40)
                    .responseFormat(ResponseFormatJsonObject.builder().build())
                    .build());
    String content = c.choices().getFirst().message().content().orElseThrow();
    if (c.choices().getFirst().finishReason() == ChatCompletion.Choice.FinishReason.STOP) {
      assertThat(new ObjectMapper().readTree(content).isObject()).isTrue();
    } else {
      // Cut by max tokens: still a prefix of an object.
      assertThat(content.stripLeading()).startsWith("{");
    }
  }
}
