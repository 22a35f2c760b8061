package dev.gaia.node.config;

import java.util.Objects;

/**
 * How the chat engine turns messages into a prompt for one LlamaEdge {@code prompt_template} name.
 * Every case carries a {@code caveat}: what differs from LlamaEdge's own rendering of that name,
 * empty when the mapping is exact. The engine should log a non-empty caveat once at start.
 */
public sealed interface ChatTemplateChoice {

  /** Empty when the prompt is token-for-token what LlamaEdge builds; otherwise the difference. */
  String caveat();

  /**
   * One of llama.cpp's built-in templates, passed as {@code --chat-template NAME}
   * ({@code ModelParameters.setChatTemplate}); valid names are those of b4916, see {@link
   * PromptTemplates#LLAMA_CPP_BUILTINS}.
   */
  record BuiltIn(String llamaCppName, String caveat) implements ChatTemplateChoice {
    public BuiltIn {
      Objects.requireNonNull(caveat, "caveat");
      if (!PromptTemplates.LLAMA_CPP_BUILTINS.contains(llamaCppName)) {
        throw new IllegalArgumentException("not a llama.cpp b4916 built-in template: " + llamaCppName);
      }
    }
  }

  /**
   * A Jinja chat template in the Hugging Face convention ({@code messages}, {@code bos_token},
   * {@code eos_token}, {@code add_generation_prompt}); the engine must enable Jinja
   * ({@code ModelParameters.enableJinja()}) to use it.
   */
  record Jinja(String source, String caveat) implements ChatTemplateChoice {
    public Jinja {
      Objects.requireNonNull(caveat, "caveat");
      if (source == null || source.isBlank()) {
        throw new IllegalArgumentException("empty Jinja template");
      }
    }
  }

  /**
   * Use the template stored in the GGUF file ({@code tokenizer.chat_template}); llama.cpp matches
   * it to a built-in by its markers and falls back to chatml when the file has none.
   */
  record FromGguf(String caveat) implements ChatTemplateChoice {
    public FromGguf {
      Objects.requireNonNull(caveat, "caveat");
    }
  }
}
