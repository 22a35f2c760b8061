package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge workflow a newcomer follows: build a package from a folder of mixed documents,
 * inspect, query and evaluate it, then add it to a running node without restarting it and get
 * cited answers.
 */
@Timeout(180)
class KnowledgeCommandsTest {
  static final Path SAMPLES = Path.of("..", "samples", "handbook").toAbsolutePath().normalize();
  static final Path QUESTIONS = Path.of("..", "samples", "handbook-questions.jsonl").toAbsolutePath().normalize();
  static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");

  @TempDir Path tmp;
  Path home;

  @AfterEach
  void cleanUp() {
    if (home != null) {
      NodeProcesses.cleanUp(home);
    }
  }

  @Test
  void build_info_query_eval_then_hot_add_to_a_running_node() throws Exception {
    home = TinyNode.init(tmp.resolve("node"));
    // The tiny model's small vocabulary spends many tokens per word: give passages room.
    new dev.gaia.node.config.NodeHome(home).config().set("chat_ctx_size", "4096");
    Path gkb = tmp.resolve("handbook.gkb");
    Cli.Result build = Cli.run("kb", "build", SAMPLES.toString(), "--out", gkb.toString(), "--home", home.toString());
    assertThat(build.exitCode()).as(build.toString()).isZero();
    assertThat(build.out()).contains("10 documents").contains("content id bafkrei");

    Cli.Result again = Cli.run("kb", "build", SAMPLES.toString(), "--out", gkb.toString(), "--home", home.toString());
    assertThat(again.out()).contains("(0 embedded, ");

    Cli.Result info = Cli.run("kb", "info", gkb.toString());
    assertThat(info.out()).contains("all-MiniLM-L6-v2").contains("install.md").contains("hardware-guide.pdf");

    Cli.Result query = Cli.run("kb", "query", gkb.toString(), "How do I add a knowledge base to a running node?",
        "--limit", "3", "--home", home.toString());
    assertThat(query.exitCode()).as(query.toString()).isZero();
    assertThat(query.out()).contains("knowledge-bases.md");

    Cli.Result eval = Cli.run("kb", "eval", gkb.toString(), QUESTIONS.toString(), "--home", home.toString());
    assertThat(eval.out()).contains("vector").contains("bm25").contains("hybrid-rrf").contains("recall@5");

    Cli.Result start = Cli.run("node", "start", "--home", home.toString());
    assertThat(start.exitCode()).as(start.toString()).isZero();
    Matcher m = URL.matcher(start.out());
    assertThat(m.find()).isTrue();
    String url = m.group();

    Cli.Result add = Cli.run("node", "kb", "add", gkb.toString(), "--home", home.toString());
    assertThat(add.exitCode()).as(add.toString()).isZero();
    assertThat(add.out()).contains("Serving handbook");
    assertThat(Cli.run("node", "kb", "list", "--home", home.toString()).out()).contains("handbook").contains("serving");

    JsonNode answer = chat(url, "How do I add a knowledge base to a running node?");
    assertThat(answer.path("sources").size()).isPositive();
    assertThat(answer.path("sources").toString()).contains("knowledge-bases.md");

    Cli.Result remove = Cli.run("node", "kb", "remove", "handbook", "--home", home.toString());
    assertThat(remove.exitCode()).as(remove.toString()).isZero();
    assertThat(chat(url, "How do I add a knowledge base to a running node?").has("sources")).isFalse();
    assertThat(Cli.run("node", "stop", "--home", home.toString()).exitCode()).isZero();
  }

  @Test
  void a_package_built_with_another_model_is_refused_and_nothing_is_recorded() throws Exception {
    home = TinyNode.init(tmp.resolve("node"));
    Path gkb = tmp.resolve("tiny.gkb");
    Path docs = Files.createDirectory(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.md"), "# A\n\nSome text about nodes and knowledge.\n");
    Cli.Result build = Cli.run("kb", "build", docs.toString(), "--out", gkb.toString(),
        "--embedding", TinyNode.model().toString(), "--embedding-ctx", "128", "--home", home.toString());
    assertThat(build.exitCode()).as(build.toString()).isZero();
    Cli.Result add = Cli.run("node", "kb", "add", gkb.toString(), "--home", home.toString());
    assertThat(add.exitCode()).isEqualTo(1);
    assertThat(add.err()).contains("all-MiniLM-L6-v2").contains("synthetic-tiny");
    assertThat(Cli.run("node", "kb", "list", "--home", home.toString()).out()).contains("No knowledge bases");
  }

  @Test
  void bad_inputs_get_clear_errors() throws Exception {
    home = TinyNode.init(tmp.resolve("node"));
    Cli.Result missing = Cli.run("kb", "build", tmp.resolve("nope").toString(), "--out", tmp.resolve("x.gkb").toString(),
        "--home", home.toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file or folder");
    Cli.Result chunker = Cli.run("kb", "build", SAMPLES.toString(), "--out", tmp.resolve("x.gkb").toString(),
        "--chunker", "sentences", "--home", home.toString());
    assertThat(chunker.err()).contains("paragraph, markdown, tokens or csv");
    Path junk = Files.writeString(tmp.resolve("junk.gkb"), "not a zip");
    Cli.Result info = Cli.run("kb", "info", junk.toString());
    assertThat(info.exitCode()).isEqualTo(1);
    assertThat(info.err()).contains("junk.gkb");
  }

  static JsonNode chat(String url, String question) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/v1/chat/completions"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"" + question
              + "\"}],\"max_tokens\":3,\"rag\":{\"score_threshold\":0.2,\"limit\":3}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return new ObjectMapper().readTree(r.body());
    }
  }
}
