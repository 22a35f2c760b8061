package dev.gaia.node.config;

import java.util.Optional;

/**
 * The chat model, in Gaia's terms.
 *
 * @param source the GGUF to serve ({@code chat}); empty for a node without a chat model
 * @param name the model id clients see ({@code chat_name}); empty means derive it from the file
 *     name, see {@link #modelId()}
 * @param ctxSize context length in tokens shared by all slots ({@code chat_ctx_size})
 * @param batchSize logical batch in tokens for prompt processing ({@code chat_batch_size})
 * @param ubatchSize physical batch in tokens ({@code chat_ubatch_size}); llama.cpp clamps it to
 *     {@code batchSize}, so a larger value is accepted as Gaia presets do
 * @param promptTemplate a LlamaEdge template name, see {@link PromptTemplates}; empty means the
 *     GGUF's own template
 * @param reversePrompt an extra stop string, empty for none
 * @param systemPrompt the system message put before conversations that have none
 */
public record ChatModel(
    Optional<ResourceRef> source,
    String name,
    int ctxSize,
    int batchSize,
    int ubatchSize,
    String promptTemplate,
    String reversePrompt,
    String systemPrompt) {
  public ChatModel {
    Check.present(Keys.CHAT, source);
    Check.present(Keys.CHAT_NAME, name);
    Check.positive(Keys.CHAT_CTX_SIZE, ctxSize);
    Check.positive(Keys.CHAT_BATCH_SIZE, batchSize);
    Check.positive(Keys.CHAT_UBATCH_SIZE, ubatchSize);
    Check.present(Keys.PROMPT_TEMPLATE, promptTemplate);
    PromptTemplates.resolve(promptTemplate);
    Check.present(Keys.REVERSE_PROMPT, reversePrompt);
    Check.present(Keys.SYSTEM_PROMPT, systemPrompt);
  }

  /** How the engine should format prompts for this model. */
  public ChatTemplateChoice template() {
    return PromptTemplates.resolve(promptTemplate);
  }

  /**
   * The id clients use in the {@code model} field: {@code chat_name}, else the file name without
   * {@code .gguf}, else empty when there is no chat model.
   */
  public String modelId() {
    if (!name.isBlank()) {
      return name;
    }
    return source.map(ChatModel::baseName).orElse("");
  }

  static String baseName(ResourceRef ref) {
    String file =
        switch (ref) {
          case ResourceRef.Remote r -> r.fileName();
          case ResourceRef.Local l -> l.path().getFileName() == null ? "" : l.path().getFileName().toString();
        };
    return file.endsWith(".gguf") ? file.substring(0, file.length() - ".gguf".length()) : file;
  }
}
