package dev.gaia.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generation mechanics on the real llama.cpp engine: seeds, stops, concurrency, info, metrics. */
class NodeMechanicsTest {
  static TestNode node;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(2, 512, NodeServerConfig.loopback());
    http = new Http(node.url());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static String chat(String extra) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":\"tell me a story about the sea\"}]" + extra + "}";
  }

  static String content(Http.Reply r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().at("/choices/0/message/content").asText();
  }

  @Test
  void same_seed_same_text_at_nonzero_temperature() throws Exception {
    String a = content(http.post("/v1/chat/completions", chat(",\"temperature\":0.9,\"seed\":123,\"max_tokens\":16")));
    String b = content(http.post("/v1/chat/completions", chat(",\"temperature\":0.9,\"seed\":123,\"max_tokens\":16")));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void stop_string_cuts_the_output_before_the_match() throws Exception {
    String full = content(http.post("/v1/chat/completions", chat(",\"temperature\":0,\"max_tokens\":24")));
    assertThat(full.length()).isGreaterThan(6);
    // Stop on a piece from the middle of the greedy output: the answer must end right before it.
    String stop = full.substring(full.length() / 2, full.length() / 2 + 3);
    Http.Reply r = http.post("/v1/chat/completions",
        chat(",\"temperature\":0,\"max_tokens\":24,\"stop\":[" + Http.JSON.writeValueAsString(stop) + "]"));
    String cut = content(r);
    assertThat(full).startsWith(cut);
    assertThat(cut).doesNotContain(stop);
    assertThat(full.indexOf(stop)).isEqualTo(cut.length());
    assertThat(r.json().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void parallel_requests_all_complete_with_their_own_counts() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Http.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int n = 4 + i;
        replies.add(pool.submit(() -> http.post("/v1/chat/completions", chat(",\"temperature\":0,\"max_tokens\":" + n))));
      }
      for (int i = 0; i < replies.size(); i++) {
        Http.Reply r = replies.get(i).get();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/usage/completion_tokens").asInt()).isEqualTo(4 + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrent_greedy_requests_match_a_sequential_one() throws Exception {
    String alone = content(http.post("/v1/chat/completions", chat(",\"temperature\":0,\"max_tokens\":12")));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Http.Reply> a = pool.submit(() -> http.post("/v1/chat/completions", chat(",\"temperature\":0,\"max_tokens\":12")));
      Future<Http.Reply> b = pool.submit(() -> http.post("/v1/chat/completions", chat(",\"temperature\":0,\"max_tokens\":12")));
      assertThat(content(a.get())).isEqualTo(alone);
      assertThat(content(b.get())).isEqualTo(alone);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void health_ready_info_and_models_answer() throws Exception {
    assertThat(http.get("/health").status()).isEqualTo(200);
    assertThat(http.get("/ready").json().get("status").asText()).isEqualTo("ready");
    JsonNode info = http.get("/v1/info").json();
    assertThat(info.get("version").asText()).isEqualTo("test");
    assertThat(info.at("/models/0/id").asText()).isEqualTo(TestNode.MODEL);
    assertThat(info.at("/models/0/architecture").asText()).isEqualTo("llama");
    assertThat(info.at("/slots/total").asInt()).isEqualTo(2);
    assertThat(info.at("/hardware/cpus").asInt()).isPositive();
    // Gaia's docs call these with POST too.
    assertThat(http.post("/v1/models", "{}").json().get("data").size()).isGreaterThanOrEqualTo(2);
    assertThat(http.post("/v1/info", "{}").status()).isEqualTo(200);
  }

  @Test
  void metrics_count_requests_and_tokens() throws Exception {
    content(http.post("/v1/chat/completions", chat(",\"max_tokens\":3")));
    String metrics = http.get("/metrics").body();
    assertThat(metrics)
        .contains("gaia_requests_total{endpoint=\"chat\",status=\"200\"}")
        .contains("gaia_completion_tokens_total")
        .contains("gaia_prompt_tokens_total")
        .contains("gaia_queue_depth")
        .contains("gaia_time_to_first_token_seconds")
        .contains("gaia_generation_tokens_per_second");
  }

  @Test
  void embeddings_in_base64_decode_to_the_float_vector() throws Exception {
    JsonNode floats = http.post("/v1/embeddings", "{\"input\":\"hello there\"}").json();
    JsonNode b64 = http.post("/v1/embeddings", "{\"input\":\"hello there\",\"encoding_format\":\"base64\"}").json();
    byte[] raw = Base64.getDecoder().decode(b64.at("/data/0/embedding").asText());
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertThat(raw.length).isEqualTo(384 * 4);
    for (int i = 0; i < 384; i++) {
      assertThat((double) buf.getFloat()).isEqualTo(floats.at("/data/0/embedding/" + i).asDouble(), org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void responses_carry_a_request_id() throws Exception {
    Http.Reply r = http.get("/v1/models");
    assertThat(r.raw().headers().firstValue("x-gaia-request-id")).isPresent();
  }

  @Test
  void streamed_legacy_completion_ends_with_done() throws Exception {
    Http.Reply r = http.post("/v1/completions", "{\"prompt\":\"hello\",\"max_tokens\":4,\"stream\":true,\"temperature\":0}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
    assertThat(r.body().strip()).endsWith("data: [DONE]");
    assertThat(r.body()).contains("\"finish_reason\":\"length\"");
  }

  @Test
  void logprobs_are_refused_clearly_by_the_jni_engine() throws Exception {
    // The JNI binding aborts the process when asked for probabilities; the engine refuses first.
    Http.Reply chat = http.post("/v1/chat/completions", chat(",\"max_tokens\":5,\"logprobs\":true,\"top_logprobs\":3"));
    assertThat(chat.status()).as(chat.body()).isEqualTo(400);
    assertThat(chat.error().get("param").asText()).isEqualTo("logprobs");
    Http.Reply legacy = http.post("/v1/completions", "{\"prompt\":\"hi\",\"max_tokens\":3,\"logprobs\":2,\"stream\":true}");
    assertThat(legacy.status()).as(legacy.body()).isEqualTo(400);
    assertThat(content(http.post("/v1/chat/completions", chat(",\"max_tokens\":2")))).isNotNull();
  }

  @Test
  void json_schema_constrains_the_output() throws Exception {
    String schema = "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}";
    Http.Reply r = http.post("/v1/chat/completions", chat(",\"temperature\":0,\"max_tokens\":40,"
        + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"t\",\"schema\":" + schema + "}}"));
    JsonNode parsed = Http.JSON.readTree(content(r));
    assertThat(parsed.isObject()).isTrue();
    assertThat(parsed.get("n").isIntegralNumber()).isTrue();
    assertThat(r.json().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
  }
}
