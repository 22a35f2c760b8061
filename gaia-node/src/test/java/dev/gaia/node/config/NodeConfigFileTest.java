package dev.gaia.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeConfigFileTest {
  @TempDir Path dir;

  private static void assertRefused(ThrowingCallable call, String field, String... fragments) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidConfigException.class, e -> assertThat(e.field()).contains(field))
        .hasMessageContaining("field '" + field + "'")
        .hasMessageContainingAll(fragments);
  }

  @Test
  void typed_json_values_equal_gaia_string_values() {
    NodeConfig strings =
        NodeConfigFile.parse(
            """
            {"chat_ctx_size": "16384", "qdrant_score_threshold": "0.5", "qdrant_limit": "3",
             "llamaedge_port": "9000", "context_window": "2", "request_timeout": "60"}
            """,
            "strings");
    NodeConfig typed =
        NodeConfigFile.parse(
            """
            {"chat_ctx_size": 16384, "qdrant_score_threshold": 0.5, "qdrant_limit": 3,
             "llamaedge_port": 9000, "context_window": 2, "request_timeout": 60}
            """,
            "typed");

    assertThat(typed).isEqualTo(strings);
    assertThat(typed.chat().ctxSize()).isEqualTo(16384);
    assertThat(typed.server().requestTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void domain_is_a_url_or_a_bare_host_meaning_https() {
    NodeConfig bare = NodeConfigFile.parse("{\"domain\": \"us.gaianet.network\"}", "bare");
    NodeConfig http =
        NodeConfigFile.parse(
            """
            {"domain": "http://127.0.0.1:9000", "domain_name": "demo",
             "public_url": "http://10.0.0.5:8080", "passphrase_file": "/run/secrets/gaia"}
            """,
            "http");

    assertThat(bare.node().domainUrl()).hasValue(java.net.URI.create("https://us.gaianet.network"));
    assertThat(http.node().domainUrl()).hasValue(java.net.URI.create("http://127.0.0.1:9000"));
    assertThat(http.node().domainName()).isEqualTo("demo");
    assertThat(http.node().publicUrl()).hasValue(java.net.URI.create("http://10.0.0.5:8080"));
    assertThat(http.node().passphraseFile()).hasValue(Path.of("/run/secrets/gaia"));
    assertThat(NodeConfig.defaults().node().domainUrl()).isEmpty();
  }

  @Test
  void empty_object_is_the_defaults() {
    assertThat(NodeConfigFile.parse("{}", "empty")).isEqualTo(NodeConfig.defaults());
  }

  @Test
  void unknown_field_is_named_with_the_file_and_a_near_match() throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"chat_ctx_sise\": \"4096\"}");

    assertThatThrownBy(() -> NodeConfigFile.load(file))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith(file + ": field 'chat_ctx_sise': unknown field")
        .hasMessageContaining("did you mean chat_ctx_size");
  }

  @Test
  void unknown_field_without_near_match_lists_the_known_fields() {
    assertRefused(
        () -> NodeConfigFile.parse("{\"wibble\": 1}", "x"),
        "wibble",
        "unknown field",
        "known fields: address, description");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "llamaedge_port         | \"abc\"             | expected an integer",
        "port                   | 70000              | 0..65535",
        "llamaedge_chat_port    | -1                 | 0..65535",
        "chat_ctx_size          | \"-4096\"           | positive integer",
        "chat_batch_size        | 0                  | positive integer",
        "embedding_ctx_size     | 512.5              | expected an integer",
        "rag_policy             | \"first-message\"   | system-message, last-user-message",
        "qdrant_score_threshold | \"1.5\"             | [0, 1]",
        "qdrant_score_threshold | \"NaN\"             | expected a number",
        "qdrant_limit           | \"0\"               | positive integer",
        "context_window         | 0                  | positive integer",
        "parallel               | 0                  | positive integer",
        "threads                | -2                 | 0 or more",
        "request_timeout        | 0                  | at least 1",
        "engine                 | \"llama-cpp\"       | llama-cpp-jni",
        "address                | \"0x12\"            | 40 hex digits",
        "host                   | \"\"                | must not be empty",
        "embedding_collection_name | \"\"             | must not be empty",
        "chat                   | \"ftp://x/y.gguf\"  | http(s) URLs or local paths",
        "server_health_url      | \"not a url\"       | not a valid URL",
        "server_info_url        | \"file:///etc\"     | absolute http(s) URL",
        "prompt_template        | \"llama-5-chat\"    | unknown prompt template",
        "chat_ctx_size          | null               | string or a number",
        "system_prompt          | [\"a\"]             | string or a number",
        "domain                 | \"ftp://d.example\" | absolute http(s) URL",
        "domain_name            | \"my domain\"       | whitespace",
        "public_url             | \"node.example\"    | absolute http(s) URL",
      })
  void invalid_value_names_its_field(String field, String json, String fragment) {
    assertThatThrownBy(() -> NodeConfigFile.parse("{\"" + field + "\": " + json + "}", "cfg.json"))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> assertThat(e.field()).contains(field))
        .hasMessageStartingWith("cfg.json: field '" + field + "': ")
        .hasMessageContaining(fragment);
  }

  @Test
  void malformed_json_and_non_objects_are_refused_naming_the_file() {
    assertThatThrownBy(() -> NodeConfigFile.parse("{\"chat\": ", "broken.json"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("broken.json: not valid JSON");
    assertThatThrownBy(() -> NodeConfigFile.parse("[1]", "list.json"))
        .hasMessage("list.json: must be a JSON object");
  }

  @Test
  void duplicate_field_is_refused() {
    assertThatThrownBy(
            () -> NodeConfigFile.parse("{\"chat_name\": \"a\", \"chat_name\": \"b\"}", "dup.json"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("dup.json")
        .hasMessageContaining("chat_name");
  }

  @Test
  void port_is_an_alias_of_llamaedge_port() {
    assertThat(NodeConfigFile.parse("{\"port\": 9001}", "a").server().port()).isEqualTo(9001);
    assertThat(NodeConfigFile.parse("{\"llamaedge_port\": \"9001\"}", "b").server().port())
        .isEqualTo(9001);
    assertThat(
            NodeConfigFile.parse("{\"port\": 9001, \"llamaedge_port\": \"9001\"}", "c")
                .server()
                .port())
        .isEqualTo(9001);
    assertThat(NodeConfigFile.get(NodeConfig.defaults(), "port")).isEqualTo("8080");
    assertThat(NodeConfigFile.set(NodeConfig.defaults(), "port", "0").server().port()).isZero();
  }

  @Test
  void errors_name_the_alias_the_user_wrote() {
    assertRefused(() -> NodeConfigFile.parse("{\"port\": \"abc\"}", "a.json"), "port", "integer");
    assertRefused(() -> NodeConfigFile.set(NodeConfig.defaults(), "port", "-5"), "port", "0..65535");
    assertRefused(
        () -> NodeConfigFile.set(NodeConfig.defaults(), "llamaedge_port", "-5"),
        "llamaedge_port",
        "0..65535");
  }

  @Test
  void written_file_is_formatted_like_gaia_presets() {
    assertThat(NodeConfigFile.toJson(NodeConfig.defaults()))
        .startsWith("{\n  \"address\": \"\",\n")
        .contains("\n  \"llamaedge_port\": \"8080\",\n")
        .endsWith("}\n");
  }

  @Test
  void port_and_llamaedge_port_that_differ_are_refused() {
    assertRefused(
        () -> NodeConfigFile.parse("{\"llamaedge_port\": \"8080\", \"port\": 9001}", "both.json"),
        "port",
        "conflicts with 'llamaedge_port'",
        "8080",
        "9001");
  }

  @Test
  void embedding_default_or_empty_means_the_in_process_model() {
    NodeConfig viaDefault = NodeConfigFile.parse("{\"embedding\": \"default\"}", "a");
    NodeConfig viaEmpty = NodeConfigFile.parse("{\"embedding\": \"\"}", "b");

    assertThat(viaDefault).isEqualTo(viaEmpty);
    assertThat(viaDefault.embedding().builtIn()).isTrue();
    assertThat(viaDefault.embedding().modelId()).isEqualTo(EmbeddingModel.BUILT_IN_ID);
  }

  @Test
  void local_model_paths_are_kept_as_paths() {
    NodeConfig c = NodeConfigFile.parse("{\"chat\": \"models/tiny.gguf\"}", "local");

    assertThat(c.chat().source()).contains(new ResourceRef.Local(Path.of("models/tiny.gguf")));
    assertThat(c.chat().modelId()).isEqualTo("Llama-3.2-3B-Instruct");
    assertThat(NodeConfigFile.set(c, "chat_name", "").chat().modelId()).isEqualTo("tiny");
  }

  @Test
  void written_file_uses_gaia_names_and_string_values_and_loads_back() throws IOException {
    Path file = dir.resolve("config.json");
    NodeConfig config =
        NodeConfigFile.set(NodeConfig.defaults(), "qdrant_score_threshold", "0.25");

    NodeConfigFile.write(file, config);

    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    assertThat(json.properties())
        .extracting(java.util.Map.Entry::getKey)
        .containsExactlyElementsOf(NodeConfigFile.keys());
    assertThat(json.properties()).allSatisfy(e -> assertThat(e.getValue().isTextual()).isTrue());
    assertThat(json.get("llamaedge_port").textValue()).isEqualTo("8080");
    assertThat(json.get("qdrant_score_threshold").textValue()).isEqualTo("0.25");
    assertThat(json.has("port")).isFalse();
    assertThat(NodeConfigFile.load(file)).isEqualTo(config);
  }

  @Test
  void get_and_set_round_trip_every_field() {
    NodeConfig config = NodeConfig.defaults();
    for (String key : NodeConfigFile.keys()) {
      String value = NodeConfigFile.get(config, key);

      assertThat(NodeConfigFile.set(config, key, value)).as(key).isEqualTo(config);
    }
  }

  @Test
  void set_through_the_file_validates_writes_and_reads_back() {
    NodeConfigFile file = new NodeConfigFile(dir.resolve("config.json"));
    file.write(NodeConfig.defaults());

    NodeConfig updated = file.set("chat_ctx_size", "8192");

    assertThat(updated.chat().ctxSize()).isEqualTo(8192);
    assertThat(file.get("chat_ctx_size")).isEqualTo("8192");
    assertThat(file.read()).isEqualTo(updated);
  }

  @Test
  void set_with_a_bad_value_or_key_leaves_the_file_untouched() throws IOException {
    Path path = dir.resolve("config.json");
    NodeConfigFile file = new NodeConfigFile(path);
    file.write(NodeConfig.defaults());
    byte[] before = Files.readAllBytes(path);

    assertRefused(() -> file.set("chat_ctx_size", "-1"), "chat_ctx_size", path.toString());
    assertRefused(() -> file.set("rag_policy", "sometimes"), "rag_policy", "system-message");
    assertRefused(() -> file.set("promt_template", "chatml"), "promt_template", "did you mean prompt_template");

    assertThat(Files.readAllBytes(path)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(path);
    }
  }

  @Test
  void write_replaces_atomically_and_leaves_no_temporary_files() throws IOException {
    Path path = dir.resolve("config.json");
    NodeConfigFile.write(path, NodeConfig.defaults());
    NodeConfig second = NodeConfigFile.set(NodeConfig.defaults(), "description", "second");

    NodeConfigFile.write(path, second);

    assertThat(NodeConfigFile.load(path)).isEqualTo(second);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(path);
    }
  }

  @Test
  void missing_file_says_so_and_names_it() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> NodeConfigFile.load(missing))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith(missing + ": no such file");
  }

  @Test
  void threads_zero_means_all_processors() {
    InferenceSettings auto = NodeConfig.defaults().inference();

    assertThat(auto.threads()).isZero();
    assertThat(auto.effectiveThreads(6)).isEqualTo(6);
    assertThat(NodeConfigFile.set(NodeConfig.defaults(), "threads", "2").inference().effectiveThreads(6))
        .isEqualTo(2);
  }
}
