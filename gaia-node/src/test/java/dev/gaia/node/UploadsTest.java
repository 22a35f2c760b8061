package dev.gaia.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.inference.onnx.OnnxEmbeddings;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.pack.GkbPackage;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/** LlamaEdge's document endpoints, building a real .gkb with the real embedding model. */
class UploadsTest {
  static ExecutorService pool;
  static EmbeddingEngine embedder;
  @TempDir Path home;
  EchoEngine engine;
  KnowledgeShelf shelf;
  NodeServer server;
  Http http;

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
    shelf = new KnowledgeShelf(embedder);
    Uploads uploads = new Uploads(home.resolve("uploads"), "default", ChunkerSettings.defaults());
    KnowledgeServing serving = new KnowledgeServing(shelf, RagDefaults.gaia().withLimitAndThreshold(2, 0.2),
        (gkb, name) -> GkbPackage.open(gkb, home.resolve("extracted"), name), Optional.empty(), Optional.of(uploads));
    server = NodeServer.start(NodeServerConfig.loopback(),
        new NodeServer.NodeModels(Optional.of(engine), Optional.of(embedder), List.of(), Optional.of(serving)), Map.of(), "test");
    http = new Http(server.url());
  }

  @AfterEach
  void stop() {
    server.close();
    shelf.close();
  }

  Http.Reply multipart(String path, String fileName, String content) throws Exception {
    String boundary = "gaia-test-boundary";
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n"
        + content + "\r\n--" + boundary + "--\r\n";
    return http.send(HttpRequest.newBuilder(server.url().resolve(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  @Test
  void upload_chunk_and_create_rag_then_answer_from_it() throws Exception {
    Http.Reply stored = multipart("/v1/files", "backups.md",
        "# Backups\n\nBack up the node home folder every night. Use rsync to copy it to another disk.\n");
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    String id = stored.json().get("id").asText();
    assertThat(stored.json().get("object").asText()).isEqualTo("file");
    assertThat(stored.json().get("filename").asText()).isEqualTo("backups.md");
    assertThat(http.get("/v1/files").json().get("data").size()).isEqualTo(1);

    Http.Reply chunks = http.post("/v1/chunks", "{\"id\":\"" + id + "\",\"filename\":\"backups.md\",\"chunk_capacity\":100}");
    assertThat(chunks.status()).as(chunks.body()).isEqualTo(200);
    assertThat(chunks.json().get("chunks").get(0).asText()).contains("rsync");

    Http.Reply created = http.post("/v1/create/rag", "{\"id\":\"" + id + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("knowledge_base").asText()).isEqualTo("default");
    assertThat(created.json().get("content_id").asText()).startsWith("bafkrei");
    assertThat(created.json().get("embedded").asInt()).isEqualTo(1);

    Http.Reply answer = http.post("/v1/chat/completions",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"How should I back up my node?\"}]}");
    assertThat(answer.json().get("sources").get(0).get("snippet").asText()).contains("rsync");
    assertThat(engine.lastPrompt.get()).contains("rsync");

    // A second document: the first one's vector is reused, and both are served.
    Http.Reply second = multipart("/v1/create/rag", "ports.txt", "The node listens on port 8080 unless configured otherwise.");
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().get("reused").asInt()).isEqualTo(1);
    assertThat(second.json().get("embedded").asInt()).isEqualTo(1);
    assertThat(second.json().get("documents").asInt()).isEqualTo(2);
    JsonNode bases = http.get("/v1/knowledge").json().get("data");
    assertThat(bases.size()).isEqualTo(1);
    assertThat(bases.get(0).get("chunks").asInt()).isEqualTo(2);
    assertThat(Files.exists(home.resolve("uploads").resolve("default.gkb"))).isTrue();
  }

  @Test
  void bad_uploads_are_refused_clearly() throws Exception {
    Http.Reply exe = multipart("/v1/files", "tool.exe", "MZ");
    assertThat(exe.status()).isEqualTo(400);
    assertThat(exe.error().get("message").asText()).contains("Unsupported file type");
    assertThat(http.post("/v1/create/rag", "{\"id\":\"file_000000000000000000000000\"}").status()).isEqualTo(404);
    assertThat(http.post("/v1/chunks", "{\"id\":\"../../etc/passwd\"}").status()).isEqualTo(400);

    Http.Reply sneaky = multipart("/v1/files", "../../escape.md", "# Hi\n\ntext");
    assertThat(sneaky.status()).isEqualTo(200);
    assertThat(sneaky.json().get("filename").asText()).isEqualTo("escape.md");
    try (var files = Files.walk(home)) {
      assertThat(files.filter(p -> p.getFileName().toString().equals("escape.md")))
          .allSatisfy(p -> assertThat(p.startsWith(home.resolve("uploads").resolve("files"))).isTrue());
    }
  }
}
