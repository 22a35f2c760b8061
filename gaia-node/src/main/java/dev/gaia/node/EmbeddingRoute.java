package dev.gaia.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.openai.EmbeddingRequest;
import dev.gaia.protocol.openai.EmbeddingResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** {@code POST /v1/embeddings}. Runs on its own bounded pool, apart from the chat slots. */
final class EmbeddingRoute {
  static final int MAX_INPUTS = 2048;

  private final EmbeddingEngine engine;
  private final RequestReader reader;
  private final SlotScheduler pool;
  private final HttpReplies replies;
  private final NodeMetrics metrics;
  private final List<String> names;

  EmbeddingRoute(
      EmbeddingEngine engine,
      RequestReader reader,
      SlotScheduler pool,
      HttpReplies replies,
      NodeMetrics metrics,
      List<String> aliases) {
    this.engine = engine;
    this.reader = reader;
    this.pool = pool;
    this.replies = replies;
    this.metrics = metrics;
    List<String> all = new ArrayList<>();
    all.add(engine.modelId());
    all.addAll(aliases);
    this.names = List.copyOf(all);
  }

  void handle(RoutingContext ctx) {
    EmbeddingRequest req = reader.read(ctx, EmbeddingRequest.class);
    String model = req.model() == null || req.model().isBlank() ? engine.modelId() : req.model();
    if (!names.contains(model)) {
      throw GaiaException.notFound(
          "model",
          "The embedding model '" + model + "' does not exist on this node. Available: " + String.join(", ", names) + ".");
    }
    List<String> inputs = inputs(req.input());
    boolean base64 = format(req.encodingFormat());
    if (req.dimensions() != null && req.dimensions() != engine.dimension()) {
      throw GaiaException.invalid(
          "dimensions", "This model only produces " + engine.dimension() + "-dimensional vectors.");
    }
    pool.submit(() -> engine.embed(inputs))
        .whenComplete(
            (result, failure) ->
                ctx.vertx()
                    .runOnContext(
                        v -> {
                          if (failure != null) {
                            metrics.request("embeddings", HttpReplies.toGaia(failure).kind().status());
                            replies.error(ctx, failure);
                            return;
                          }
                          List<EmbeddingResponse.Item> items = new ArrayList<>(inputs.size());
                          for (int i = 0; i < result.vectors().size(); i++) {
                            float[] v2 = result.vectors().get(i);
                            items.add(EmbeddingResponse.Item.of(i, base64 ? encode(v2) : v2));
                          }
                          metrics.request("embeddings", 200);
                          replies.json(ctx, 200, EmbeddingResponse.of(items, model, result.tokens()));
                        }));
  }

  private static List<String> inputs(JsonNode input) {
    if (input == null || input.isNull()) {
      throw GaiaException.invalid("input", "input is required.");
    }
    List<String> out = new ArrayList<>();
    if (input.isTextual()) {
      out.add(input.asText());
    } else if (input.isArray()) {
      for (JsonNode n : input) {
        if (!n.isTextual()) {
          throw GaiaException.invalid(
              "input", "input must be a string or an array of strings (token arrays are not supported).");
        }
        out.add(n.asText());
      }
    } else {
      throw GaiaException.invalid("input", "input must be a string or an array of strings.");
    }
    if (out.isEmpty()) {
      throw GaiaException.invalid("input", "input must not be empty.");
    }
    if (out.size() > MAX_INPUTS) {
      throw GaiaException.invalid("input", "at most " + MAX_INPUTS + " inputs per request, got " + out.size() + ".");
    }
    if (out.stream().anyMatch(String::isEmpty)) {
      throw GaiaException.invalid("input", "input strings must not be empty.");
    }
    return out;
  }

  private static boolean format(String format) {
    if (format == null || format.equals("float")) {
      return false;
    }
    if (format.equals("base64")) {
      return true;
    }
    throw GaiaException.invalid("encoding_format", "encoding_format must be float or base64, got '" + format + "'.");
  }

  private static String encode(float[] vector) {
    ByteBuffer buf = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : vector) {
      buf.putFloat(f);
    }
    return Base64.getEncoder().encodeToString(buf.array());
  }
}
