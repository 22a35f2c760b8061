package dev.gaia.inference;

/**
 * Receives generated text as it is decoded, on the generating thread. Implementations must be
 * quick (hand the piece to an event loop); a sink that throws stops the generation.
 */
@FunctionalInterface
public interface TokenSink {
  void accept(TokenPiece piece);

  TokenSink DISCARD = piece -> {};
}
