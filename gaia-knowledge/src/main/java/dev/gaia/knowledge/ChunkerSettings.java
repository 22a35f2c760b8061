package dev.gaia.knowledge;

import java.util.Objects;

/**
 * How documents are cut, recorded in every package so a rebuild can repeat it.
 *
 * @param kind paragraph (Gaia's blank-line rule), markdown (by headings), tokens (windows with
 *     overlap, the default) or csv (one row per chunk)
 * @param maxTokens window size for {@code tokens}, and the cap for the other kinds (longer pieces
 *     are split by the token rule)
 * @param overlapTokens overlap between consecutive windows
 * @param headingLevel deepest heading level that starts a new chunk for {@code markdown}
 * @param csvEmbedColumn the CSV column that is embedded (Gaia: the first)
 * @param csvSourceColumn the CSV column returned as the chunk's text (Gaia: the second); empty
 *     means the embedded column
 */
public record ChunkerSettings(
    Kind kind, int maxTokens, int overlapTokens, int headingLevel, String csvEmbedColumn, String csvSourceColumn) {

  public ChunkerSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(csvEmbedColumn, "csvEmbedColumn");
    Objects.requireNonNull(csvSourceColumn, "csvSourceColumn");
    if (maxTokens < 16 || overlapTokens < 0 || overlapTokens >= maxTokens) {
      throw new IllegalArgumentException(
          "need maxTokens >= 16 and 0 <= overlap < maxTokens, got " + maxTokens + "/" + overlapTokens);
    }
    if (headingLevel < 1 || headingLevel > 6) {
      throw new IllegalArgumentException("headingLevel must be 1..6, got " + headingLevel);
    }
  }

  /** Token windows of 256 with 32 overlap: fits all-MiniLM-L6-v2's 256 word pieces. */
  public static ChunkerSettings defaults() {
    return new ChunkerSettings(Kind.TOKENS, 256, 32, 2, "0", "1");
  }

  public ChunkerSettings withKind(Kind k) {
    return new ChunkerSettings(k, maxTokens, overlapTokens, headingLevel, csvEmbedColumn, csvSourceColumn);
  }

  public enum Kind {
    PARAGRAPH("paragraph"),
    MARKDOWN("markdown"),
    TOKENS("tokens"),
    CSV("csv");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Kind parse(String s) {
      for (Kind k : values()) {
        if (k.wire.equals(s)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown chunker '" + s + "': use paragraph, markdown, tokens or csv");
    }
  }
}
