package dev.gaia.cli.bench;

import dev.gaia.inference.ChatEngine;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prompts of a given token length made of common words in a seeded random order. Every run gets
 * its own seed, so its first tokens differ from every earlier prompt and llama.cpp's prompt cache
 * cannot skip any prompt processing.
 */
final class PromptText {
  private static final List<String> WORDS =
      List.of(
          "the", "of", "and", "to", "in", "is", "you", "that", "was", "for", "on", "are", "with", "as",
          "they", "be", "at", "one", "have", "this", "from", "word", "what", "some", "can", "out",
          "time", "water", "people", "number", "sound", "place", "year", "name", "very", "through",
          "sentence", "great", "think", "help", "line", "turn", "cause", "much", "mean", "before",
          "move", "right", "house", "picture", "animal", "mother", "answer", "question", "model",
          "node", "network", "data", "message", "story", "city", "river", "tree", "school", "friend",
          "music", "color", "language", "machine", "learn");

  private final ChatEngine engine;

  PromptText(ChatEngine engine) {
    this.engine = engine;
  }

  /** A prompt of about {@code tokens} tokens as the engine counts them (no BOS). */
  String of(int tokens, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    // Words of this list are one or two tokens each; grow by the estimated shortfall, then check.
    int have = 0;
    while (have < tokens) {
      for (int i = 0; i < Math.max(1, (tokens - have) * 2 / 3); i++) {
        if (!text.isEmpty()) {
          text.append(' ');
        }
        text.append(WORDS.get(random.nextInt(WORDS.size())));
      }
      have = engine.tokenize(text.toString()).length;
    }
    return text.toString();
  }
}
