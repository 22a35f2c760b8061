package dev.gaia.knowledge.chunk;

import dev.gaia.knowledge.Chunker;
import dev.gaia.knowledge.ChunkerSettings;

/**
 * Makes the {@link Chunker} for a {@link ChunkerSettings.Kind}. Every chunker is deterministic
 * (the same document and settings give the same chunks and ids) and, for all kinds but csv, each
 * chunk's text is {@code DocumentText.of(document).substring(chunk.start(), chunk.end())}.
 */
public final class Chunkers {
  private Chunkers() {}

  /** Counts tokens with {@link TokenCounter#approximate()}. */
  public static Chunker create(ChunkerSettings settings) {
    return create(settings, TokenCounter.approximate());
  }

  public static Chunker create(ChunkerSettings settings, TokenCounter counter) {
    TokenWindows windows = new TokenWindows(counter, settings.maxTokens(), settings.overlapTokens());
    return switch (settings.kind()) {
      case PARAGRAPH -> new ParagraphChunker(settings, windows);
      case MARKDOWN -> new MarkdownChunker(settings, windows);
      case TOKENS -> new TokenChunker(settings, windows);
      case CSV -> new CsvChunker(settings);
    };
  }
}
