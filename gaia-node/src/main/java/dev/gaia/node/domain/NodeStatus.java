package dev.gaia.node.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.Json;
import dev.gaia.protocol.domain.DomainMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a node tells its domain about itself: the models it serves (with file hashes), its
 * knowledge bases and its slot load. {@link #of(URI)} reads them from the node's own {@code
 * /v1/info}, the same view the domain's admission probe gets.
 */
public interface NodeStatus {
  record Served(List<DomainMessage.ServedModel> models, List<DomainMessage.ServedKnowledge> knowledge) {
    public Served {
      models = List.copyOf(models);
      knowledge = List.copyOf(knowledge);
    }
  }

  record Load(int busy, int queued) {}

  Served served();

  Load load();

  /** Reads {@code <node>/v1/info} on every call; fails UNAVAILABLE when the node does not answer. */
  static NodeStatus of(URI node) {
    return new NodeStatus() {
      private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      private final ObjectMapper json = Json.newMapper();

      private JsonNode info() {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(node.resolve("/v1/info"))
              .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) {
            throw new GaiaException(ErrorKind.UNAVAILABLE, "node " + node + " answered /v1/info with HTTP " + r.statusCode());
          }
          return json.readTree(r.body());
        } catch (IOException e) {
          throw new GaiaException(ErrorKind.UNAVAILABLE, "cannot read " + node + "/v1/info: " + e.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new GaiaException(ErrorKind.UNAVAILABLE, "interrupted reading " + node + "/v1/info");
        }
      }

      @Override
      public Served served() {
        JsonNode info = info();
        List<DomainMessage.ServedModel> models = new ArrayList<>();
        for (JsonNode m : info.path("models")) {
          String sha = m.path("sha256").isTextual() ? m.path("sha256").asText() : null;
          models.add(new DomainMessage.ServedModel(m.path("id").asText(), m.path("type").asText(), sha));
        }
        List<DomainMessage.ServedKnowledge> knowledge = new ArrayList<>();
        for (JsonNode k : info.path("knowledge_bases")) {
          knowledge.add(new DomainMessage.ServedKnowledge(k.path("name").asText(), k.path("content_id").asText()));
        }
        return new Served(models, knowledge);
      }

      @Override
      public Load load() {
        JsonNode slots = info().path("slots");
        return new Load(slots.path("busy").asInt(), slots.path("queued").asInt());
      }
    };
  }
}
