package dev.gaia.protocol.openai;

import java.util.List;

/**
 * {@code {"object":"list","data":[{"object":"embedding","index":0,"embedding":[..]}],...}}.
 * {@code embedding} is a float array, or a base64 string of little-endian float32 when asked.
 */
public record EmbeddingResponse(String object, List<Item> data, String model, EmbeddingUsage usage) {
  public EmbeddingResponse {
    data = List.copyOf(data);
  }

  public static EmbeddingResponse of(List<Item> data, String model, int tokens) {
    return new EmbeddingResponse("list", data, model, new EmbeddingUsage(tokens, tokens));
  }

  public record Item(String object, int index, Object embedding) {
    public static Item of(int index, Object embedding) {
      return new Item("embedding", index, embedding);
    }
  }

  public record EmbeddingUsage(int promptTokens, int totalTokens) {}
}
