package dev.gaia.node.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.Json;
import dev.gaia.protocol.domain.DomainMessage;
import dev.gaia.protocol.identity.Envelopes;
import dev.gaia.protocol.identity.Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * Signs domain messages as the node and posts them to {@code <domain>/v1/domain/<action>}.
 * Thread-safe. Every failure is a {@link GaiaException} whose message names the domain's URL:
 * unreachable (UNAVAILABLE, code {@code domain_unreachable}), or refused (the domain's status and
 * its own error message; code {@code wrong_domain} when the domain has another name).
 */
final class MembershipClient {
  /** Envelopes live a minute: long enough for clock skew, short enough to limit replays. */
  private static final Duration TTL = Duration.ofMinutes(1);

  private final URI domain;
  private final Signer signer;
  private final Clock clock;
  private final SecureRandom random;
  private final HttpClient http;
  private final ObjectMapper json = Json.newMapper();

  MembershipClient(URI domain, Signer signer, Clock clock, SecureRandom random, HttpClient http) {
    this.domain = domain;
    this.signer = signer;
    this.clock = clock;
    this.random = random;
    this.http = http;
  }

  URI domain() {
    return domain;
  }

  Signer signer() {
    return signer;
  }

  /**
   * Sends {@code message} and returns the domain's JSON answer.
   *
   * @param timeout how long to wait for the answer (a join waits for the domain's probe of the node)
   */
  JsonNode send(String action, DomainMessage message, Duration timeout) {
    URI target = endpoint(action);
    byte[] body;
    try {
      body = json.writeValueAsBytes(
          Envelopes.seal(signer, json.valueToTree(message), clock, TTL, random).toJson());
    } catch (JsonProcessingException e) {
      throw GaiaException.internal("cannot encode the " + action + " message", e);
    }
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new GaiaException(ErrorKind.UNAVAILABLE,
          "cannot reach the domain at " + domain + " (" + describe(e) + ")", null, "domain_unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GaiaException(ErrorKind.UNAVAILABLE, "interrupted while talking to the domain at " + domain);
    }
    return answer(action, response);
  }

  private URI endpoint(String action) {
    String base = domain.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "v1/domain/" + action);
  }

  private JsonNode answer(String action, HttpResponse<String> response) {
    JsonNode body;
    try {
      body = json.readTree(response.body());
    } catch (JsonProcessingException e) {
      body = null;
    }
    int status = response.statusCode();
    if (status / 100 == 2 && body != null && body.isObject()) {
      return body;
    }
    String message = body == null ? "" : body.at("/error/message").asText("");
    String code = body == null ? "" : body.at("/error/code").asText("");
    if (message.isEmpty()) {
      message = status / 100 == 2 ? "an answer that is not JSON" : "no error message";
    }
    if (code.equals("wrong_domain")) {
      return fail(status, "the domain at " + domain + " refused the " + action + ": " + message
          + "; set domain_name to the domain's name", code);
    }
    return fail(status, "the domain at " + domain + " refused the " + action + " (HTTP " + status + "): " + message,
        code.isEmpty() ? null : code);
  }

  private static JsonNode fail(int status, String message, String code) {
    ErrorKind kind = switch (status) {
      case 400 -> ErrorKind.INVALID_REQUEST;
      case 401, 403 -> ErrorKind.UNAUTHORIZED;
      case 404 -> ErrorKind.NOT_FOUND;
      case 429 -> ErrorKind.RATE_LIMITED;
      default -> ErrorKind.UNAVAILABLE;
    };
    throw new GaiaException(kind, message, null, code);
  }

  private static String describe(IOException e) {
    String text = e.getMessage();
    return e.getClass().getSimpleName() + (text == null || text.isBlank() ? "" : ": " + text);
  }
}
