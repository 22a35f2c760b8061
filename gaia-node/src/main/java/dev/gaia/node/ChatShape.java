package dev.gaia.node;

import dev.gaia.inference.TokenPiece;
import dev.gaia.protocol.gaia.Source;
import dev.gaia.protocol.openai.ChatCompletion;
import dev.gaia.protocol.openai.ChatCompletionChunk;
import dev.gaia.protocol.openai.ChatCompletionChunk.ChunkChoice;
import dev.gaia.protocol.openai.ChatCompletionChunk.Delta;
import dev.gaia.protocol.openai.Logprobs;
import dev.gaia.protocol.openai.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chat completion bodies ({@code chat.completion} and {@code chat.completion.chunk}).
 * {@code sources} are the citations of a knowledge-grounded answer (null when none): the whole
 * response and the first streamed chunk carry them.
 */
record ChatShape(
    String id, long created, String model, String fingerprint, boolean logprobs, int topLogprobs, List<Source> sources)
    implements ResponseShape {

  ChatShape withSources(List<Source> citations) {
    return new ChatShape(id, created, model, fingerprint, logprobs, topLogprobs, citations);
  }

  @Override
  public Object opening() {
    return chunk(new ChunkChoice(0, new Delta("assistant", ""), null, null), null).withSources(sources);
  }

  @Override
  public Object delta(TokenPiece piece) {
    return chunk(new ChunkChoice(0, new Delta(null, piece.text()), logprobsOf(List.of(piece)), null), null);
  }

  @Override
  public Object closing(String finishReason) {
    return chunk(new ChunkChoice(0, new Delta(null, null), null, finishReason), null);
  }

  @Override
  public Object usage(Usage usage) {
    return ChatCompletionChunk.of(id, created, model, fingerprint, List.of(), usage);
  }

  @Override
  public Object whole(String text, List<TokenPiece> pieces, String finishReason, Usage usage) {
    return ChatCompletion.of(
        id,
        created,
        model,
        fingerprint,
        List.of(
            new ChatCompletion.Choice(
                0, ChatCompletion.AssistantMessage.of(text), logprobsOf(pieces), finishReason)),
        usage,
        sources);
  }

  private ChatCompletionChunk chunk(ChunkChoice choice, Usage usage) {
    return ChatCompletionChunk.of(id, created, model, fingerprint, List.of(choice), usage);
  }

  private Logprobs logprobsOf(List<TokenPiece> pieces) {
    if (!logprobs) {
      return null;
    }
    List<Logprobs.TokenLogprob> content = new ArrayList<>();
    for (TokenPiece piece : pieces) {
      if (piece.text().isEmpty() && piece.logprobs().isEmpty()) {
        continue;
      }
      double chosen = piece.logprobs().stream()
          .filter(l -> l.token().equals(piece.text()))
          .mapToDouble(TokenPiece.TokenLogprob::logprob)
          .findFirst()
          .orElse(piece.logprobs().isEmpty() ? 0.0 : piece.logprobs().getFirst().logprob());
      List<Logprobs.TopLogprob> top = new ArrayList<>();
      for (TokenPiece.TokenLogprob alt : piece.logprobs().subList(0, Math.min(topLogprobs, piece.logprobs().size()))) {
        top.add(new Logprobs.TopLogprob(alt.token(), alt.logprob(), bytes(alt.token())));
      }
      content.add(new Logprobs.TokenLogprob(piece.text(), chosen, bytes(piece.text()), top));
    }
    return new Logprobs(content);
  }

  static List<Integer> bytes(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    List<Integer> out = new ArrayList<>(b.length);
    for (byte x : b) {
      out.add(x & 0xff);
    }
    return out;
  }
}
