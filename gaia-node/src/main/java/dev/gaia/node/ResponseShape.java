package dev.gaia.node;

import dev.gaia.inference.TokenPiece;
import dev.gaia.protocol.openai.Usage;
import java.util.List;

/**
 * How generated text becomes response bodies: chat completions and legacy completions differ in
 * shape only, so one generation loop serves both.
 */
sealed interface ResponseShape permits ChatShape, CompletionShape {
  /** The first SSE event, before any token (chat sends the assistant role here); null for none. */
  Object opening();

  /** An SSE event carrying one piece of generated text. */
  Object delta(TokenPiece piece);

  /** The SSE event that carries the finish reason. */
  Object closing(String finishReason);

  /** The extra SSE event for {@code stream_options.include_usage}. */
  Object usage(Usage usage);

  /** The whole non-streamed response. */
  Object whole(String text, List<TokenPiece> pieces, String finishReason, Usage usage);
}
