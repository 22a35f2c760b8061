package dev.gaia.node.config;

import dev.gaia.node.config.ChatTemplateChoice.BuiltIn;
import dev.gaia.node.config.ChatTemplateChoice.FromGguf;
import dev.gaia.node.config.ChatTemplateChoice.Jinja;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * LlamaEdge's {@code prompt_template} names (the {@code PromptTemplateType} values of
 * LlamaEdge/LlamaEdge {@code crates/chat-prompts/src/lib.rs}) mapped to a chat template that
 * llama.cpp b4916, the engine behind {@code de.kherud:llama:4.2.0}, can render.
 *
 * <p>Differences common to every mapping, not repeated per name: LlamaEdge trims each message and
 * joins turns with its own whitespace, and for some names inserts a default system prompt when the
 * request has none; llama.cpp renders content verbatim and adds no system prompt. Gaia nodes always
 * configure {@code system_prompt}, so the second rarely shows. Names marked "format family" were
 * matched by their markers, not compared token-for-token with LlamaEdge's Rust source.
 *
 * <p>LlamaEdge's non-chat names ({@code embedding}, {@code tts}, {@code none}) are not chat
 * templates and are refused.
 */
public final class PromptTemplates {
  private PromptTemplates() {}

  /**
   * Built-in template names of llama.cpp b4916 ({@code LLM_CHAT_TEMPLATES} in {@code
   * src/llama-chat.cpp}, March 2025). Later names ({@code llama4}, {@code mistral-v7-tekken},
   * {@code exaone4}, ...) are deliberately absent: b4916 rejects them.
   */
  public static final Set<String> LLAMA_CPP_BUILTINS =
      Set.of(
          "chatml", "llama2", "llama2-sys", "llama2-sys-bos", "llama2-sys-strip", "mistral-v1",
          "mistral-v3", "mistral-v3-tekken", "mistral-v7", "phi3", "phi4", "falcon3", "zephyr",
          "monarch", "gemma", "orion", "openchat", "vicuna", "vicuna-orca", "deepseek",
          "deepseek2", "deepseek3", "command-r", "llama3", "chatglm3", "chatglm4", "glmedge",
          "minicpm", "exaone3", "rwkv-world", "granite", "gigachat", "megrez");

  private static final String FAMILY = "format family; not compared token-for-token with LlamaEdge";
  private static final String NO_TOOLS =
      "tool definitions are not rendered (the built-in has no tools section); plain chat matches";
  private static final String OWN_FORMAT =
      "no b4916 built-in renders this format; the model file's own template is used";

  // Zephyr as LlamaEdge writes it: role tags, "</s>" (eos) after every turn.
  private static final String ZEPHYR_JINJA =
      "{%- for m in messages -%}"
          + "{{ '<|' + m['role'] + '|>\\n' + m['content'] + eos_token + '\\n' }}"
          + "{%- endfor -%}"
          + "{%- if add_generation_prompt -%}{{ '<|assistant|>\\n' }}{%- endif -%}";

  // Phi-2 chat as LlamaEdge writes it: "Alice: <user>\nBob: <assistant>\n...Bob:"; system dropped.
  private static final String PHI2_CHAT_JINJA =
      "{%- for m in messages -%}"
          + "{%- if m['role'] == 'user' -%}{{ 'Alice: ' + m['content'] + '\\n' }}"
          + "{%- elif m['role'] == 'assistant' -%}{{ 'Bob: ' + m['content'] + '\\n' }}"
          + "{%- endif -%}"
          + "{%- endfor -%}"
          + "{%- if add_generation_prompt -%}{{ 'Bob:' }}{%- endif -%}";

  // Phi-2 instruct as LlamaEdge writes it: only the last user message, "Instruct: ...\nOutput:".
  private static final String PHI2_INSTRUCT_JINJA =
      "{%- for m in messages -%}"
          + "{%- if loop.last and m['role'] == 'user' -%}"
          + "{{ 'Instruct: ' + m['content'] + '\\nOutput:' }}"
          + "{%- endif -%}"
          + "{%- endfor -%}";

  private static final Map<String, ChatTemplateChoice> BY_NAME = table();

  private static Map<String, ChatTemplateChoice> table() {
    Map<String, ChatTemplateChoice> m = new TreeMap<>();
    // Llama family.
    m.put("llama-2-chat", new BuiltIn("llama2-sys", ""));
    m.put("llama-3-chat", new BuiltIn("llama3", ""));
    m.put("llama-3-tool", new BuiltIn("llama3", NO_TOOLS));
    m.put("groq-llama3-tool", new BuiltIn("llama3", NO_TOOLS));
    m.put(
        "llama-4-chat",
        new FromGguf(
            "b4916 has no Llama 4 built-in (llama4 came later) and cannot load Llama 4 models;"
                + " an engine that can uses the model file's template"));
    m.put("codellama-instruct", new BuiltIn("llama2-sys", FAMILY));
    m.put("codellama-super-instruct", new FromGguf(OWN_FORMAT));
    // Mistral family. LlamaEdge's mistral-instruct is llama2's "[INST] u [/INST]a</s>" exactly.
    m.put(
        "mistral-instruct",
        new BuiltIn(
            "llama2", "a system message is prepended to the first user turn; LlamaEdge drops it"));
    m.put(
        "mistral-tool",
        new BuiltIn(
            "llama2",
            NO_TOOLS + "; a system message is prepended to the first user turn, LlamaEdge drops it"));
    String v7 =
        "b4916's mistral-v7 puts a space after [INST] and [SYSTEM_PROMPT]; Mistral Small 3"
            + " (v7-tekken) and LlamaEdge put none";
    m.put("mistral-small-chat", new BuiltIn("mistral-v7", v7));
    m.put("mistral-small-tool", new BuiltIn("mistral-v7", v7 + "; " + NO_TOOLS));
    m.put("mistrallite", new FromGguf(OWN_FORMAT));
    // ChatML family.
    m.put("chatml", new BuiltIn("chatml", ""));
    m.put("chatml-tool", new BuiltIn("chatml", NO_TOOLS));
    m.put("chatml-think", new BuiltIn("chatml", "no thinking-mode handling of <think> blocks"));
    m.put(
        "qwen3-no-think",
        new FromGguf("Qwen3 needs a llama.cpp newer than b4916; " + OWN_FORMAT));
    m.put("qwen2-vision", new FromGguf("images are not supported; " + OWN_FORMAT));
    // Phi family.
    m.put("phi-2-chat", new Jinja(PHI2_CHAT_JINJA, "message content is not trimmed"));
    m.put("phi-2-instruct", new Jinja(PHI2_INSTRUCT_JINJA, "message content is not trimmed"));
    m.put("phi-3-chat", new BuiltIn("phi3", ""));
    m.put(
        "phi-3-instruct",
        new BuiltIn(
            "phi3", "the whole conversation is rendered; LlamaEdge sends only the last user turn"));
    m.put(
        "phi-4-chat",
        new BuiltIn("phi4", "LlamaEdge adds a newline after <|im_sep|>; llama.cpp does not"));
    // Gemma: llama.cpp folds the system message into the first user turn, as Gemma expects.
    m.put("gemma-instruct", new BuiltIn("gemma", ""));
    m.put("gemma-3", new BuiltIn("gemma", "images are not supported"));
    // DeepSeek family.
    m.put("deepseek-chat", new BuiltIn("deepseek2", FAMILY));
    m.put("deepseek-coder", new BuiltIn("deepseek", FAMILY));
    m.put("deepseek-chat-2", new BuiltIn("deepseek2", FAMILY));
    m.put("deepseek-chat-25", new BuiltIn("deepseek3", FAMILY));
    m.put("deepseek-chat-3", new BuiltIn("deepseek3", FAMILY));
    // EXAONE.
    m.put("exaone-chat", new BuiltIn("exaone3", ""));
    m.put(
        "exaone-deep-chat",
        new BuiltIn(
            "exaone3",
            "LlamaEdge pre-fills '<thought>\\n' after [|assistant|] and strips earlier thoughts"
                + " from the history; llama.cpp does neither"));
    // Zephyr family: StableLM's variant ends turns with <|endoftext|>, which is b4916's zephyr.
    m.put("zephyr", new Jinja(ZEPHYR_JINJA, ""));
    m.put("stablelm-zephyr", new BuiltIn("zephyr", ""));
    // Others with a b4916 built-in.
    m.put("openchat", new BuiltIn("openchat", ""));
    m.put("vicuna-1.0-chat", new BuiltIn("vicuna", FAMILY));
    m.put("vicuna-1.1-chat", new BuiltIn("vicuna", FAMILY));
    m.put("glm-4-chat", new BuiltIn("chatglm4", FAMILY));
    m.put("falcon3", new BuiltIn("falcon3", FAMILY));
    m.put("megrez", new BuiltIn("megrez", FAMILY));
    // gpt-oss speaks OpenAI's Harmony format; LlamaEdge approximates it with <|im_start|> markers.
    m.put(
        "gpt-oss",
        new FromGguf(
            "b4916 has no Harmony built-in and cannot load gpt-oss models; the model file carries"
                + " the Harmony template, which differs from LlamaEdge's <|im_start|> rendering"));
    // Names whose format no b4916 built-in renders.
    for (String name :
        new String[] {
          "human-assistant", "belle-llama-2-chat", "vicuna-llava", "internlm-2-tool", "baichuan-2",
          "wizard-coder", "intel-neural", "solar-instruct", "octopus", "mediatek-breeze",
          "nemotron-chat", "nemotron-tool", "functionary-32", "functionary-31", "minicpmv",
          "moxin-chat", "moxin-instruct", "seed-instruct", "seed-reasoning", "smol-vision",
          "smol3-no-think"
        }) {
      m.put(name, new FromGguf(OWN_FORMAT));
    }
    return Map.copyOf(m);
  }

  /** Every accepted LlamaEdge name, sorted. */
  public static SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(BY_NAME.keySet()));
  }

  /** Whether {@code name} is accepted; the empty name (use the GGUF's template) is. */
  public static boolean isKnown(String name) {
    return name.isEmpty() || BY_NAME.containsKey(name);
  }

  /**
   * The template for a LlamaEdge name, matched exactly as LlamaEdge does (case-sensitive). The
   * empty name means "use the model file's own template".
   *
   * @throws InvalidConfigException naming {@code prompt_template}, with near matches and the full
   *     list of known names, when the name is unknown
   */
  public static ChatTemplateChoice resolve(String name) {
    if (name.isEmpty()) {
      return new FromGguf("");
    }
    ChatTemplateChoice choice = BY_NAME.get(name);
    if (choice == null) {
      throw InvalidConfigException.of(
          "prompt_template",
          "unknown prompt template \""
              + name
              + "\""
              + NearMatches.hint(name, BY_NAME.keySet())
              + "; known templates: "
              + String.join(", ", names()));
    }
    return choice;
  }
}
