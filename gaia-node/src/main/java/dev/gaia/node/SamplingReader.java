package dev.gaia.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaia.inference.SamplingParams;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.openai.SamplingFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates the sampling fields shared by chat and legacy completions, naming the offending
 * parameter in every error. Defaults follow OpenAI where it has one (temperature 1, top_p 1) and
 * llama.cpp otherwise (top_k 40, min_p 0.05).
 */
final class SamplingReader {
  static final int MAX_STOP_STRINGS = 16;

  private SamplingReader() {}

  /** Validates everything but the token limit and the output format, common to both routes. */
  static Common common(SamplingFields req, Optional<String> reversePrompt) {
    singleChoice(req.n());
    if (req.streamOptions() != null && !req.streaming()) {
      throw GaiaException.invalid("stream_options", "stream_options is only allowed when stream is true.");
    }
    return new Common(sampling(req), stops(req.stop(), reversePrompt),
        req.streamOptions() != null && req.streamOptions().usage());
  }

  record Common(SamplingParams sampling, List<String> stops, boolean includeUsage) {}

  static SamplingParams sampling(SamplingFields req) {
    Double temperature = req.temperature();
    Double topP = req.topP();
    Integer topK = req.topK();
    Long seed = req.seed();
    double t = range("temperature", temperature, 1.0, 0, 2);
    double p = range("top_p", topP, 1.0, 0, 1);
    if (p == 0) {
      throw GaiaException.invalid("top_p", "top_p must be greater than 0.");
    }
    int k = topK == null ? 40 : topK;
    if (k < 0) {
      throw GaiaException.invalid("top_k", "top_k must be >= 0, got " + k + ".");
    }
    return new SamplingParams(
        t,
        p,
        k,
        range("min_p", req.minP(), 0.05, 0, 1),
        range("presence_penalty", req.presencePenalty(), 0, -2, 2),
        range("frequency_penalty", req.frequencyPenalty(), 0, -2, 2),
        positive("repeat_penalty", req.repeatPenalty(), 1.0),
        seed == null ? SamplingParams.DEFAULT_SEED : seed);
  }

  /** {@code stop}: null, a string, or an array of non-empty strings. */
  static List<String> stops(JsonNode stop, Optional<String> extra) {
    List<String> out = new ArrayList<>();
    if (stop != null && !stop.isNull()) {
      if (stop.isTextual()) {
        out.add(stop.asText());
      } else if (stop.isArray()) {
        for (JsonNode s : stop) {
          if (!s.isTextual()) {
            throw GaiaException.invalid("stop", "stop must be a string or an array of strings.");
          }
          out.add(s.asText());
        }
      } else {
        throw GaiaException.invalid("stop", "stop must be a string or an array of strings.");
      }
    }
    if (out.stream().anyMatch(String::isEmpty)) {
      throw GaiaException.invalid("stop", "stop strings must not be empty.");
    }
    if (out.size() > MAX_STOP_STRINGS) {
      throw GaiaException.invalid(
          "stop", "at most " + MAX_STOP_STRINGS + " stop strings are supported, got " + out.size() + ".");
    }
    extra.filter(s -> !s.isEmpty() && !out.contains(s)).ifPresent(out::add);
    return out;
  }

  static int maxTokens(String param, Integer value, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw GaiaException.invalid(param, param + " must be >= 1, got " + value + ".");
    }
    return value;
  }

  static void singleChoice(Integer n) {
    if (n != null && n != 1) {
      throw GaiaException.invalid("n", "Only n=1 is supported; got n=" + n + ". Send separate requests for more choices.");
    }
  }

  private static double range(String param, Double value, double fallback, double min, double max) {
    if (value == null) {
      return fallback;
    }
    if (value.isNaN() || value < min || value > max) {
      throw GaiaException.invalid(param, param + " must be between " + min + " and " + max + ", got " + value + ".");
    }
    return value;
  }

  private static double positive(String param, Double value, double fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.isNaN() || value <= 0) {
      throw GaiaException.invalid(param, param + " must be > 0, got " + value + ".");
    }
    return value;
  }
}
