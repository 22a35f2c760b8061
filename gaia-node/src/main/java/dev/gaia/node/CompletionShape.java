package dev.gaia.node;

import dev.gaia.inference.TokenPiece;
import dev.gaia.protocol.openai.Completion;
import dev.gaia.protocol.openai.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Legacy completion bodies ({@code text_completion}), streamed or whole. */
record CompletionShape(String id, long created, String model, String fingerprint, Integer logprobs, String echo)
    implements ResponseShape {

  @Override
  public Object opening() {
    return echo.isEmpty() ? null : body(echo, null, null, null);
  }

  @Override
  public Object delta(TokenPiece piece) {
    return body(piece.text(), legacy(List.of(piece), 0), null, null);
  }

  @Override
  public Object closing(String finishReason) {
    return body("", null, finishReason, null);
  }

  @Override
  public Object usage(Usage usage) {
    return Completion.of(id, created, model, fingerprint, List.of(), usage);
  }

  @Override
  public Object whole(String text, List<TokenPiece> pieces, String finishReason, Usage usage) {
    return body(echo + text, legacy(pieces, echo.length()), finishReason, usage);
  }

  private Completion body(String text, Completion.LegacyLogprobs lp, String finishReason, Usage usage) {
    return Completion.of(
        id, created, model, fingerprint, List.of(new Completion.Choice(0, text, lp, finishReason)), usage);
  }

  private Completion.LegacyLogprobs legacy(List<TokenPiece> pieces, int offset) {
    if (logprobs == null) {
      return null;
    }
    List<String> tokens = new ArrayList<>();
    List<Double> chosen = new ArrayList<>();
    List<Map<String, Double>> top = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    int at = offset;
    for (TokenPiece p : pieces) {
      tokens.add(p.text());
      chosen.add(p.logprobs().isEmpty() ? 0.0 : p.logprobs().getFirst().logprob());
      Map<String, Double> alts = new LinkedHashMap<>();
      p.logprobs().stream().limit(logprobs).forEach(l -> alts.put(l.token(), l.logprob()));
      top.add(alts);
      offsets.add(at);
      at += p.text().length();
    }
    return new Completion.LegacyLogprobs(tokens, chosen, top, offsets);
  }
}
