package dev.gaia.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error case gets an OpenAI-shaped body with the right status, over a real socket. */
class ErrorResponsesTest {
  static TestNode node;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(1, 256, NodeServerConfig.loopback().withMaxBodyBytes(64 * 1024));
    http = new Http(node.url());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static void assertError(Http.Reply r, int status, String type, String param) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.raw().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
    assertThat(r.error().get("message").asText()).isNotBlank();
    assertThat(r.error().get("type").asText()).isEqualTo(type);
    assertThat(r.error().has("param")).isTrue();
    assertThat(r.error().has("code")).isTrue();
    if (param != null) {
      assertThat(r.error().get("param").asText()).isEqualTo(param);
    }
  }

  @Test
  void malformed_json_is_400() throws Exception {
    assertError(http.post("/v1/chat/completions", "{\"messages\": [}"), 400, "invalid_request_error", null);
  }

  @Test
  void a_json_array_body_is_400() throws Exception {
    assertError(http.post("/v1/chat/completions", "[1,2]"), 400, "invalid_request_error", null);
  }

  @Test
  void wrong_types_name_the_field() throws Exception {
    assertError(
        http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":\"hot\"}"),
        400, "invalid_request_error", "temperature");
    assertError(
        http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":\"ten\"}"),
        400, "invalid_request_error", "max_tokens");
    assertError(http.post("/v1/chat/completions", "{\"messages\":\"hi\"}"), 400, "invalid_request_error", "messages");
    assertError(
        http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stop\":5}"),
        400, "invalid_request_error", "stop");
  }

  @Test
  void out_of_range_values_name_the_field() throws Exception {
    assertError(
        http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":3}"),
        400, "invalid_request_error", "temperature");
    assertError(
        http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":0}"),
        400, "invalid_request_error", "max_tokens");
    assertError(
        http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}"),
        400, "invalid_request_error", "messages[0].role");
    assertError(http.post("/v1/chat/completions", "{\"messages\":[]}"), 400, "invalid_request_error", "messages");
  }

  @Test
  void more_than_one_choice_is_refused_clearly() throws Exception {
    Http.Reply r = http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":3}");
    assertError(r, 400, "invalid_request_error", "n");
    assertThat(r.error().get("message").asText()).contains("n=1");
  }

  @Test
  void unknown_model_is_404() throws Exception {
    Http.Reply r = http.post("/v1/chat/completions", "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertError(r, 404, "not_found_error", "model");
    assertThat(r.error().get("message").asText()).contains("gpt-9").contains(TestNode.MODEL);
    assertError(http.post("/v1/embeddings", "{\"model\":\"nope\",\"input\":\"x\"}"), 404, "not_found_error", "model");
  }

  @Test
  void body_over_the_limit_is_413() throws Exception {
    String big = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(100_000) + "\"}]}";
    assertError(http.post("/v1/chat/completions", big), 413, "invalid_request_error", null);
  }

  @Test
  void context_overflow_is_400_with_token_counts() throws Exception {
    String prompt = "hello world ".repeat(300);
    Http.Reply r = http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}");
    assertError(r, 400, "invalid_request_error", "messages");
    assertThat(r.error().get("code").asText()).isEqualTo("context_length_exceeded");
    assertThat(r.error().get("message").asText()).contains("256").containsPattern("\\d{3,} tokens");
  }

  @Test
  void context_overflow_while_streaming_is_still_a_400() throws Exception {
    String prompt = "hello world ".repeat(300);
    Http.Reply r = http.post("/v1/chat/completions",
        "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}");
    assertError(r, 400, "invalid_request_error", "messages");
  }

  @Test
  void unknown_path_is_404_and_wrong_method_405() throws Exception {
    assertError(http.get("/v1/nothing"), 404, "not_found_error", null);
    assertError(http.get("/v1/chat/completions"), 405, "invalid_request_error", null);
  }

  @Test
  void non_json_content_type_is_415() throws Exception {
    Http.Reply r = http.send(HttpRequest.newBuilder(node.url().resolve("/v1/chat/completions"))
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("hello")));
    assertError(r, 415, "invalid_request_error", null);
  }

  @Test
  void bad_response_format_and_logprobs_combinations() throws Exception {
    assertError(
        http.post("/v1/chat/completions",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"response_format\":{\"type\":\"yaml\"}}"),
        400, "invalid_request_error", "response_format.type");
    assertError(
        http.post("/v1/chat/completions",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"top_logprobs\":3}"),
        400, "invalid_request_error", "top_logprobs");
    assertError(
        http.post("/v1/chat/completions",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream_options\":{\"include_usage\":true}}"),
        400, "invalid_request_error", "stream_options");
  }

  @Test
  void embedding_input_is_validated() throws Exception {
    assertError(http.post("/v1/embeddings", "{\"input\":[]}"), 400, "invalid_request_error", "input");
    assertError(http.post("/v1/embeddings", "{\"input\":[1,2,3]}"), 400, "invalid_request_error", "input");
    assertError(http.post("/v1/embeddings", "{\"input\":\"x\",\"encoding_format\":\"hex\"}"), 400, "invalid_request_error", "encoding_format");
  }

  @Test
  void legacy_completion_prompt_is_validated() throws Exception {
    assertError(http.post("/v1/completions", "{\"prompt\":[\"a\",\"b\"]}"), 400, "invalid_request_error", "prompt");
    assertError(http.post("/v1/completions", "{}"), 400, "invalid_request_error", "prompt");
  }

  @Test
  void node_still_serves_after_all_errors() throws Exception {
    Http.Reply r = http.post("/v1/chat/completions",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":3,\"temperature\":0}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
