package dev.gaia.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * One greedy generation through a node's {@code POST /v1/completions} with {@code "stream":true},
 * timed on the client: from sending the request to the first SSE event that carries text, and from
 * there to the last one. The legacy endpoint is used because chat streams open with a role-only
 * event that would flatter the time to first token.
 *
 * <p>Thread-safe: one instance serves concurrent streams (the JDK client pools connections).
 */
final class HttpStream {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final URI completions;
  private final String model;

  HttpStream(URI base, String model) {
    this.completions = base.resolve("/v1/completions");
    this.model = model;
  }

  /** Blocks until the stream's {@code [DONE]}; fails on any status but 200. */
  StreamSample run(String prompt, int maxTokens) {
    ObjectNode body = json.createObjectNode()
        .put("model", model)
        .put("prompt", prompt)
        .put("max_tokens", maxTokens)
        .put("temperature", 0)
        .put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    HttpRequest request = HttpRequest.newBuilder(completions)
        .timeout(Duration.ofMinutes(5))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    int tokens = 0;
    int promptTokens = 0;
    long first = 0;
    long last = 0;
    long start = System.nanoTime();
    try {
      HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
      try (Stream<String> lines = response.body()) {
        if (response.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + response.statusCode() + ": " + String.join("\n", lines.toList()));
        }
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
          String line = it.next();
          if (!line.startsWith("data: ")) {
            continue;
          }
          String data = line.substring(6);
          if (data.equals("[DONE]")) {
            break;
          }
          long now = System.nanoTime();
          JsonNode event = json.readTree(data);
          JsonNode choice = event.path("choices").path(0);
          if (!choice.path("text").asText("").isEmpty()) {
            if (tokens++ == 0) {
              first = now;
            }
            last = now;
          }
          if (event.hasNonNull("usage")) {
            promptTokens = event.get("usage").path("prompt_tokens").asInt();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("streaming from " + completions + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return new StreamSample(promptTokens, tokens, first - start, last - first);
  }
}
