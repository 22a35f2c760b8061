package dev.gaia.knowledge.chunk;

/**
 * Counts the tokens an embedding model's tokenizer makes of a text, special tokens ({@code
 * [CLS]}, {@code [SEP]}) excluded. Chunkers count whitespace-separated pieces one by one and add
 * the counts, which is exact for tokenizers that split at whitespace first (WordPiece, and
 * SentencePiece up to a token at each piece boundary). Implementations are thread-safe.
 */
public interface TokenCounter {
  int count(String text);

  /**
   * An estimate for WordPiece models (all-MiniLM-L6-v2, BGE, nomic-embed) that needs no
   * vocabulary; see {@link WordPieceEstimate} for the rule. It errs high, so chunks cut by it fit
   * the model's limit; plug a real tokenizer in when exact counts matter.
   */
  static TokenCounter approximate() {
    return new WordPieceEstimate();
  }
}
