package dev.gaia.node.config;

import dev.gaia.knowledge.rag.RagPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class GaiaPresetsTest {

  @ParameterizedTest
  @FieldSource("dev.gaia.node.config.Presets#LOADABLE")
  void every_real_preset_loads_unchanged(String preset) throws Exception {
    String text = Presets.text(preset);

    NodeConfig config = NodeConfigFile.parse(text, preset);

    // Every field the preset sets reads back as the same text.
    JsonNode json = new ObjectMapper().readTree(text);
    for (var field : json.properties()) {
      assertThat(NodeConfigFile.get(config, field.getKey()))
          .as("%s in %s", field.getKey(), preset)
          .isEqualTo(field.getValue().asText());
    }
  }

  @ParameterizedTest
  @FieldSource("dev.gaia.node.config.Presets#LOADABLE")
  void every_preset_prompt_template_maps_to_a_chat_template(String preset) {
    NodeConfig config = NodeConfigFile.parse(Presets.text(preset), preset);

    assertThat(config.chat().template()).isNotNull();
    assertThat(PromptTemplates.names()).contains(config.chat().promptTemplate());
  }

  @ParameterizedTest
  @FieldSource("dev.gaia.node.config.Presets#LOADABLE")
  void a_preset_written_by_us_loads_back_equal(String preset) {
    NodeConfig config = NodeConfigFile.parse(Presets.text(preset), preset);

    assertThat(NodeConfigFile.parse(NodeConfigFile.toJson(config), "rewritten " + preset))
        .isEqualTo(config);
  }

  @Test
  void gaia_default_preset_has_the_expected_typed_values() {
    NodeConfig c = NodeConfigFile.parse(Presets.text("gaianet-node-default.json"), "default");

    assertThat(c.server().port()).isEqualTo(8080);
    assertThat(c.chat().source())
        .contains(
            new ResourceRef.Remote(
                URI.create(
                    "https://huggingface.co/second-state/Llama-3.2-3B-Instruct-GGUF/resolve/main/Llama-3.2-3B-Instruct-Q5_K_M.gguf")));
    assertThat(c.chat().modelId()).isEqualTo("Llama-3.2-3B-Instruct");
    assertThat(c.chat().ctxSize()).isEqualTo(16384);
    assertThat(c.chat().batchSize()).isEqualTo(16);
    assertThat(c.chat().ubatchSize()).isEqualTo(16);
    assertThat(c.chat().template()).isEqualTo(new ChatTemplateChoice.BuiltIn("llama3", ""));
    assertThat(c.embedding().builtIn()).isFalse();
    assertThat(c.embedding().modelId()).isEqualTo("Nomic-embed-text-v1.5");
    assertThat(c.embedding().ctxSize()).isEqualTo(8192);
    assertThat(c.knowledge().snapshot()).isPresent();
    assertThat(c.knowledge().limit()).isEqualTo(1);
    assertThat(c.knowledge().scoreThreshold()).isEqualTo(0.5);
    assertThat(c.knowledge().ragPolicy()).isEqualTo(RagPolicy.SYSTEM_MESSAGE);
    assertThat(c.knowledge().contextWindow()).isEqualTo(1);
    assertThat(c.knowledge().ragPrompt()).endsWith("\n----------------\n");
    assertThat(c.node().domain()).isEqualTo("gaia.domains");
    // Fields the preset leaves out take our defaults.
    assertThat(c.server().host()).isEqualTo("127.0.0.1");
    assertThat(c.server().requestTimeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(c.inference().parallel()).isEqualTo(4);
    assertThat(c.llamaEdge().serverHealthUrl()).isEqualTo(Optional.empty());
  }

  @Test
  void gpt_oss_preset_uses_last_user_message_policy_and_the_gguf_template() {
    NodeConfig c = NodeConfigFile.parse(Presets.text("gpt-oss-20b.json"), "gpt-oss");

    assertThat(c.knowledge().ragPolicy()).isEqualTo(RagPolicy.LAST_USER_MESSAGE);
    assertThat(c.llamaEdge().chatPort()).isEqualTo(9068);
    assertThat(c.llamaEdge().embeddingPort()).isEqualTo(9069);
    assertThat(c.chat().template()).isInstanceOf(ChatTemplateChoice.FromGguf.class);
  }

  @Test
  void llama_4_preset_with_its_published_typo_is_refused_with_a_suggestion() {
    assertThatThrownBy(() -> NodeConfigFile.parse(Presets.text(Presets.LLAMA_4_TYPO), "scout.json"))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.field()).contains("prompt_template");
              assertThat(e.origin()).contains("scout.json");
            })
        .hasMessageContaining("scout.json: field 'prompt_template'")
        .hasMessageContaining("\"llama-4-chatl\"")
        .hasMessageContaining("did you mean llama-4-chat");
  }

  @Test
  void llama_4_preset_loads_once_its_typo_is_fixed() {
    String fixed = Presets.text(Presets.LLAMA_4_TYPO).replace("llama-4-chatl", "llama-4-chat");

    assertThat(NodeConfigFile.parse(fixed, "scout.json").chat().promptTemplate())
        .isEqualTo("llama-4-chat");
  }

  @Test
  void server_health_and_info_urls_are_kept() {
    String json =
        """
        {"server_health_url": "https://pulse.gaianet.ai/node-health/YOUR_NODE_ID",
         "server_info_url": "https://pulse.gaianet.ai/node-info/YOUR_NODE_ID"}
        """;

    NodeConfig c = NodeConfigFile.parse(json, "pulse");

    assertThat(c.llamaEdge().serverHealthUrl())
        .contains(URI.create("https://pulse.gaianet.ai/node-health/YOUR_NODE_ID"));
    assertThat(NodeConfigFile.get(c, "server_info_url"))
        .isEqualTo("https://pulse.gaianet.ai/node-info/YOUR_NODE_ID");
  }
}
