package dev.gaia.domain.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Probes a directly reachable node over HTTP: {@code GET /v1/info} must list a model file whose
 * SHA-256 is among each required hash, and a canary chat completion (greedy, fixed seed, 4
 * tokens) must answer 200 within {@code canaryLimit}. The hashes the node reports are those of the
 * files it loaded, computed by the node itself while downloading or registering them.
 */
public final class HttpAdmissionProbe implements AdmissionProbe {
  static final String CANARY =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Say OK.\"}],\"max_tokens\":4,\"temperature\":0,\"seed\":1,"
          + "\"rag\":{\"enabled\":false}}";

  private final HttpClient client;
  private final Duration canaryLimit;
  private final ObjectMapper json = new ObjectMapper();

  public HttpAdmissionProbe(HttpClient client, Duration canaryLimit) {
    this.client = client;
    this.canaryLimit = canaryLimit;
  }

  @Override
  public Verdict probe(URI base, dev.gaia.domain.store.DomainConfig requirements) {
    Set<String> requiredModelHashes = requirements.requiredModelHashes();
    long start = System.nanoTime();
    try {
      HttpResponse<String> info = client.send(
          HttpRequest.newBuilder(base.resolve("/v1/info")).timeout(canaryLimit).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (info.statusCode() != 200) {
        return verdict(false, "GET /v1/info answered " + info.statusCode(), start);
      }
      Set<String> served = new HashSet<>();
      for (JsonNode m : json.readTree(info.body()).path("models")) {
        if (m.hasNonNull("sha256")) {
          served.add(m.get("sha256").asText().toLowerCase(java.util.Locale.ROOT));
        }
      }
      Set<String> missing = new HashSet<>(requiredModelHashes);
      missing.removeAll(served);
      if (!missing.isEmpty()) {
        return verdict(false, "does not serve the required model file(s) " + missing + "; serves " + served, start);
      }
      long canaryStart = System.nanoTime();
      HttpResponse<String> canary = client.send(
          HttpRequest.newBuilder(base.resolve("/v1/chat/completions")).timeout(canaryLimit)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(CANARY)).build(),
          HttpResponse.BodyHandlers.ofString());
      Duration canaryTime = Duration.ofNanos(System.nanoTime() - canaryStart);
      if (canary.statusCode() != 200) {
        return verdict(false, "canary chat request answered " + canary.statusCode(), start);
      }
      if (json.readTree(canary.body()).path("choices").isEmpty()) {
        return verdict(false, "canary chat response has no choices", start);
      }
      if (requirements.knowledgeCanary().isPresent()) {
        var kb = requirements.knowledgeCanary().get();
        String body = json.writeValueAsString(java.util.Map.of("query", kb.question(), "limit", 5, "score_threshold", 0.0));
        HttpResponse<String> retrieved = client.send(
            HttpRequest.newBuilder(base.resolve("/v1/retrieve")).timeout(canaryLimit)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (retrieved.statusCode() != 200) {
          return verdict(false, "knowledge canary: /v1/retrieve answered " + retrieved.statusCode(), start);
        }
        Set<String> sources = new java.util.LinkedHashSet<>();
        json.readTree(retrieved.body()).path("sources").forEach(src -> sources.add(src.path("source").asText()));
        if (!sources.contains(kb.expectedSource())) {
          return verdict(false, "knowledge canary: '" + kb.expectedSource() + "' not retrieved for the canary question (got "
              + sources + ")", start);
        }
      }
      return verdict(true, "models ok, canary answered in " + canaryTime.toMillis() + " ms"
          + (requirements.knowledgeCanary().isPresent() ? ", knowledge canary ok" : ""), start);
    } catch (IOException e) {
      return verdict(false, "unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return verdict(false, "interrupted", start);
    }
  }

  private static Verdict verdict(boolean passed, String detail, long start) {
    return new Verdict(passed, detail, Duration.ofNanos(System.nanoTime() - start));
  }
}
