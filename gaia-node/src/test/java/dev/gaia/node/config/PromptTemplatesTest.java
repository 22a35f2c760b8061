package dev.gaia.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptTemplatesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "chatml", "llama-3-chat", "llama-3-tool", "llama-2-chat", "llama-4-chat", "phi-3-chat",
        "gemma-instruct", "gemma-3", "mistral-instruct", "mistral-tool", "mistral-small-tool",
        "deepseek-chat-25", "exaone-chat", "exaone-deep-chat", "openchat", "stablelm-zephyr",
        "groq-llama3-tool", "gpt-oss"
      })
  void every_name_seen_in_gaia_presets_maps(String name) {
    assertThat(PromptTemplates.isKnown(name)).isTrue();
    assertThat(PromptTemplates.resolve(name)).isNotNull();
  }

  @Test
  void exact_mappings_use_the_matching_builtin() {
    assertThat(PromptTemplates.resolve("llama-3-chat"))
        .isEqualTo(new ChatTemplateChoice.BuiltIn("llama3", ""));
    assertThat(PromptTemplates.resolve("chatml"))
        .isEqualTo(new ChatTemplateChoice.BuiltIn("chatml", ""));
    assertThat(PromptTemplates.resolve("phi-3-chat"))
        .isEqualTo(new ChatTemplateChoice.BuiltIn("phi3", ""));
    assertThat(PromptTemplates.resolve("gemma-instruct"))
        .isEqualTo(new ChatTemplateChoice.BuiltIn("gemma", ""));
  }

  @Test
  void approximate_mappings_say_what_differs() {
    assertThat(PromptTemplates.resolve("llama-3-tool").caveat()).contains("tool");
    assertThat(PromptTemplates.resolve("exaone-deep-chat").caveat()).contains("<thought>");
    assertThat(PromptTemplates.resolve("gpt-oss"))
        .isInstanceOfSatisfying(
            ChatTemplateChoice.FromGguf.class, c -> assertThat(c.caveat()).contains("Harmony"));
    assertThat(PromptTemplates.resolve("llama-4-chat"))
        .isInstanceOf(ChatTemplateChoice.FromGguf.class);
  }

  @Test
  void every_mapping_is_a_b4916_builtin_a_jinja_template_or_the_gguf_template() {
    for (String name : PromptTemplates.names()) {
      switch (PromptTemplates.resolve(name)) {
        case ChatTemplateChoice.BuiltIn b ->
            assertThat(PromptTemplates.LLAMA_CPP_BUILTINS).as(name).contains(b.llamaCppName());
        case ChatTemplateChoice.Jinja j ->
            assertThat(j.source()).as(name).contains("{%").contains("messages");
        case ChatTemplateChoice.FromGguf g -> assertThat(g.caveat()).as(name).isNotBlank();
      }
    }
  }

  @Test
  void empty_name_means_the_gguf_template() {
    assertThat(PromptTemplates.resolve("")).isEqualTo(new ChatTemplateChoice.FromGguf(""));
  }

  @Test
  void llamaedge_non_chat_names_are_refused() {
    assertThat(PromptTemplates.isKnown("embedding")).isFalse();
    assertThat(PromptTemplates.isKnown("none")).isFalse();
  }

  @Test
  void unknown_name_lists_the_known_ones() {
    assertThatThrownBy(() -> PromptTemplates.resolve("llama3"))
        .isInstanceOfSatisfying(
            InvalidConfigException.class, e -> assertThat(e.field()).contains("prompt_template"))
        .hasMessageContaining("unknown prompt template \"llama3\"")
        .hasMessageContaining("did you mean")
        .hasMessageContaining("known templates: " + String.join(", ", PromptTemplates.names()));
  }

  @Test
  void names_are_case_sensitive_like_llamaedge() {
    assertThat(PromptTemplates.isKnown("ChatML")).isFalse();
  }
}
