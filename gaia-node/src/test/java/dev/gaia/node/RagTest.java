package dev.gaia.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.inference.onnx.OnnxEmbeddings;
import dev.gaia.knowledge.KnowledgeBase;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retrieval-augmented chat through a real server, with the real embedding model. */
class RagTest {
  static final String PASSWORD = "To reset your password, open Settings, choose Security and press Reset password.";
  static final String WEATHER = "The weather in the mountains changes quickly; bring a rain jacket.";
  static final String NODES = "A Gaia node serves an OpenAI-compatible API on port 8080 by default.";

  static ExecutorService pool;
  static EmbeddingEngine embedder;
  EchoEngine engine;
  KnowledgeShelf shelf;
  NodeServer server;
  Http http;
  Map<String, KnowledgeBase> opened = new java.util.HashMap<>();

  @BeforeAll
  static void loadEmbedder() {
    pool = Executors.newFixedThreadPool(2);
    embedder = OnnxEmbeddings.allMiniLmL6V2(pool);
  }

  @AfterAll
  static void closeEmbedder() {
    pool.shutdownNow();
  }

  @BeforeEach
  void start() {
    engine = new EchoEngine();
    server = start(Optional.of(engine), new RagDefaults(
        dev.gaia.knowledge.rag.RagPolicy.SYSTEM_MESSAGE, "Context:\n", 2, 0.3, 1, dev.gaia.knowledge.Fusion.defaults()));
  }

  NodeServer start(Optional<dev.gaia.inference.ChatEngine> chat, RagDefaults defaults) {
    shelf = new KnowledgeShelf(embedder);
    shelf.put(kb("handbook"));
    KnowledgeServing serving = new KnowledgeServing(shelf, defaults,
        (path, name) -> opened.computeIfAbsent(name, n -> kb(n)), Optional.of("secret-token"), Optional.empty());
    NodeServer s = NodeServer.start(NodeServerConfig.loopback(),
        new NodeServer.NodeModels(chat, Optional.of(embedder), List.of(), Optional.of(serving)), Map.of(), "test");
    http = new Http(s.url());
    return s;
  }

  static KnowledgeBase kb(String name) {
    return new ExactKnowledgeBase(name, embedder, embedder.modelId(), List.of(PASSWORD, WEATHER, NODES));
  }

  @AfterEach
  void stop() {
    server.close();
    shelf.close();
  }

  @Test
  void chat_is_grounded_in_the_best_passages_and_cites_them() throws Exception {
    Http.Reply r = http.post("/v1/chat/completions",
        "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"How can I reset my password?\"}]}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode sources = r.json().get("sources");
    assertThat(sources.size()).isBetween(1, 2);
    assertThat(sources.get(0).get("snippet").asText()).isEqualTo(PASSWORD);
    assertThat(sources.get(0).get("knowledge_base").asText()).isEqualTo("handbook");
    assertThat(sources.get(0).get("source").asText()).isEqualTo("doc0.md");
    assertThat(sources.get(0).get("score").asDouble()).isGreaterThan(0.3);
    // system-message policy: the system prompt is followed by the rag prompt and the passage.
    assertThat(engine.lastPrompt.get()).startsWith("<system>Be brief.\nContext:\n" + PASSWORD);
  }

  @Test
  void the_official_client_parses_grounded_answers_and_sees_sources() {
    OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.url() + "/v1").apiKey("x").maxRetries(0).build();
    try {
      ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
          .model("echo").addUserMessage("How do I reset my password?").build();
      ChatCompletion c = client.chat().completions().create(params);
      assertThat(c.choices().getFirst().message().content()).hasValue("ok");
      JsonValue sources = c._additionalProperties().get("sources");
      assertThat(sources).isNotNull();
      assertThat(sources.toString()).contains("reset your password");

      List<ChatCompletionChunk> chunks = new ArrayList<>();
      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
        stream.stream().forEach(chunks::add);
      }
      assertThat(chunks.getFirst()._additionalProperties()).containsKey("sources");
      assertThat(chunks.subList(1, chunks.size())).allSatisfy(ch -> assertThat(ch._additionalProperties()).doesNotContainKey("sources"));
      StringBuilder text = new StringBuilder();
      chunks.forEach(ch -> ch.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
      assertThat(text.toString()).isEqualTo("ok");
    } finally {
      client.close();
    }
  }

  @Test
  void last_user_message_policy_and_request_overrides() throws Exception {
    Http.Reply r = http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"How do I reset my password?\"}],"
        + "\"rag\":{\"policy\":\"last-user-message\",\"limit\":1}}");
    assertThat(r.json().get("sources").size()).isEqualTo(1);
    assertThat(engine.lastPrompt.get()).contains("<user>Context:\n" + PASSWORD + "\n\nHow do I reset my password?");

    Http.Reply off = http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"How do I reset my password?\"}],"
        + "\"rag\":{\"enabled\":false}}");
    assertThat(off.json().has("sources")).isFalse();
    assertThat(engine.lastPrompt.get()).doesNotContain(PASSWORD);

    Http.Reply strict = http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"quantum chromodynamics lattice\"}],"
        + "\"rag\":{\"score_threshold\":0.99}}");
    assertThat(strict.json().get("sources").size()).isZero();

    Http.Reply bad = http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"rag\":{\"policy\":\"sideways\"}}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error().get("param").asText()).isEqualTo("rag.policy");
  }

  @Test
  void retrieve_answers_in_gaias_shape_with_citations() throws Exception {
    Http.Reply r = http.post("/v1/retrieve",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"which port does a node use?\"}],\"limit\":2}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("points").get(0).get("source").asText()).isEqualTo(NODES);
    assertThat(body.get("points").get(0).get("score").asDouble()).isPositive();
    assertThat(body.get("limit").asInt()).isEqualTo(2);
    assertThat(body.get("score_threshold").asDouble()).isEqualTo(0.3);
    assertThat(body.get("sources").get(0).get("id").asText()).isEqualTo("c2");
    assertThat(http.post("/v1/retrieve", "{}").status()).isEqualTo(400);
  }

  @Test
  void knowledge_bases_are_added_and_removed_without_a_restart() throws Exception {
    Path file = Files.createTempFile("kb", ".gkb");
    Http.Reply unauthorised = http.post("/admin/knowledge", "{\"name\":\"extra\",\"path\":\"" + file + "\"}");
    assertThat(unauthorised.status()).isEqualTo(401);

    Http.Reply added = http.send(HttpRequest.newBuilder(server.url().resolve("/admin/knowledge"))
        .header("Authorization", "Bearer secret-token").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"extra\",\"path\":\"" + file + "\"}")));
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(http.get("/v1/knowledge").json().get("data").size()).isEqualTo(2);
    assertThat(http.get("/v1/info").json().get("knowledge_bases").size()).isEqualTo(2);

    Http.Reply removed = http.send(HttpRequest.newBuilder(server.url().resolve("/admin/knowledge/extra"))
        .header("Authorization", "Bearer secret-token").DELETE());
    assertThat(removed.status()).isEqualTo(200);
    assertThat(opened.get("extra")).isInstanceOfSatisfying(ExactKnowledgeBase.class, kb -> assertThat(kb.closed).isTrue());
    assertThat(http.get("/v1/knowledge").json().get("data").size()).isEqualTo(1);
  }

  @Test
  void a_base_built_with_another_embedding_model_is_refused_naming_both() {
    KnowledgeBase other = new ExactKnowledgeBase("other", embedder, "nomic-embed-text-v1.5", List.of("x"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> shelf.put(other))
        .hasMessageContaining("nomic-embed-text-v1.5")
        .hasMessageContaining(embedder.modelId());
  }

  @Test
  void without_a_chat_model_the_node_answers_with_passages() throws Exception {
    server.close();
    shelf.close();
    server = start(Optional.empty(), RagDefaults.gaia().withLimitAndThreshold(2, 0.2));
    Http.Reply r = http.post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"How do I reset my password?\"}]}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().at("/choices/0/message/content").asText()).contains("no chat model").contains(PASSWORD);
    assertThat(r.json().get("sources").get(0).get("snippet").asText()).isEqualTo(PASSWORD);

    Http.Reply s = http.post("/v1/chat/completions",
        "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"How do I reset my password?\"}]}");
    assertThat(s.body()).contains("\"sources\"").contains("Reset password").endsWith("data: [DONE]\n\n");
    assertThat(http.get("/v1/models").body()).contains("gaia-retrieval");
  }

  @Test
  void passages_that_would_overflow_the_context_are_dropped_lowest_ranked_first() {
    Retrieval retrieval = new Retrieval(Optional.of(shelf), new SlotScheduler("t", 1, 4),
        RagDefaults.gaia().withLimitAndThreshold(3, 0.0));
    String question = "Reset my password before hiking in the mountains?";
    List<dev.gaia.inference.ChatTurn> turns = List.of(new dev.gaia.inference.ChatTurn("user", question));
    int available = shelf.retrieve(question, List.of(), 3, 0.0, dev.gaia.knowledge.Fusion.defaults()).size();
    assertThat(available).isGreaterThanOrEqualTo(2);
    // Room for the question and one passage only.
    Retrieval.Grounded one = retrieval.ground(turns, null, t -> t.stream().mapToInt(x -> x.content().length()).sum() < 230).join();
    assertThat(one.found()).hasSize(1);
    assertThat(one.found().getFirst().hit().chunk().text()).isEqualTo(PASSWORD);
    Retrieval.Grounded none = retrieval.ground(turns, null, t -> t.size() == 1 && t.getFirst().content().length() < 60).join();
    assertThat(none.found()).isEmpty();
    assertThat(none.turns()).isEqualTo(turns);
    Retrieval.Grounded all = retrieval.ground(turns, null, t -> true).join();
    assertThat(all.found()).hasSize(available);
  }
}
