package dev.gaia.domain.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.domain.routing.Router;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Forwards API requests to nodes: reads the (bounded) body, then hands it to an {@link Exchange}
 * that routes, retries and passes the answer through. Shared by all requests; thread-safe (holds
 * no per-request state).
 */
final class Proxy {
  final Vertx vertx;
  final HttpClient client;
  final Router router;
  final GatewayConfig config;
  final Replies replies;
  /** Plain mapper for reading request fields and usage; no strictness needed there. */
  final ObjectMapper reader = new ObjectMapper();
  final Metering metering;

  Proxy(Vertx vertx, HttpClient client, Router router, GatewayConfig config, Replies replies, Metering metering) {
    this.vertx = vertx;
    this.client = client;
    this.router = router;
    this.config = config;
    this.replies = replies;
    this.metering = metering;
  }

  /**
   * Reads the body of {@code request} and forwards it. Must be called from the request handler,
   * before the body starts to arrive.
   *
   * @param chat whether the request is a chat completion (routes with conversation affinity)
   * @throws GaiaException 413 when the declared length is over the limit
   */
  void forward(HttpServerRequest request, ApiKey key, String requestId, boolean chat) {
    long declared = declaredLength(request);
    if (declared > config.maxBodyBytes()) {
      throw tooLarge();
    }
    Exchange exchange = new Exchange(this, request, key, requestId, System.nanoTime() + config.requestDeadline().toNanos());
    Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 4096);
    boolean[] overflow = {false};
    request.handler(chunk -> {
      if (overflow[0]) {
        return;
      }
      if (body.length() + chunk.length() > config.maxBodyBytes()) {
        overflow[0] = true;
        request.response().putHeader(HttpHeaders.CONNECTION, "close");
        replies.error(request.response(), tooLarge());
        return;
      }
      body.appendBuffer(chunk);
    });
    request.endHandler(v -> {
      if (!overflow[0]) {
        exchange.start(body, chat);
      }
    });
  }

  private GaiaException tooLarge() {
    return new GaiaException(ErrorKind.PAYLOAD_TOO_LARGE,
        "The request body exceeds the gateway's limit of " + config.maxBodyBytes() + " bytes.", null, "payload_too_large");
  }

  private static long declaredLength(HttpServerRequest request) {
    String v = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw GaiaException.invalid(null, "Content-Length is not a number.");
    }
  }
}
