package dev.gaia.knowledge.chunk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Estimates WordPiece tokens from the shape of the text, as WordPiece's pre-tokenizer sees it:
 * every punctuation or symbol character is a token; each Han, Hiragana or Katakana character is a
 * token; a run of letters is one token per 8 letters begun (common words are whole vocabulary
 * entries, long rare ones split); a run of digits is one token per 3 digits begun. On English
 * prose this gives about 1.3 tokens per word, slightly above what BERT's vocabulary gives, so it
 * errs on the safe side of a model's limit. Stateless.
 */
final class WordPieceEstimate implements TokenCounter {
  private static final Pattern PIECES =
      Pattern.compile(
          "([\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}])|([\\p{L}\\p{M}]+)|(\\p{N}+)|([^\\p{L}\\p{M}\\p{N}\\s])");

  @Override
  public int count(String text) {
    int tokens = 0;
    Matcher piece = PIECES.matcher(text);
    while (piece.find()) {
      if (piece.group(2) != null) {
        tokens += 1 + (piece.group(2).length() - 1) / 8;
      } else if (piece.group(3) != null) {
        tokens += (piece.group(3).length() + 2) / 3;
      } else {
        tokens++;
      }
    }
    return tokens;
  }
}
