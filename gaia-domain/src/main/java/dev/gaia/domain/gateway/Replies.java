package dev.gaia.domain.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.ErrorBody;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * Writes the gateway's own JSON bodies and maps every failure to an OpenAI-shaped error exactly
 * once, as the node's {@code HttpReplies} does. Anything that is not a {@link GaiaException} is a
 * bug: logged, and answered as a generic 500 that reveals nothing internal.
 */
final class Replies {
  private static final System.Logger LOG = System.getLogger(Replies.class.getName());

  private final ObjectMapper json;

  Replies(ObjectMapper json) {
    this.json = json;
  }

  void json(HttpServerResponse response, int status, Object body) {
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status).putHeader("Content-Type", "application/json").end(Buffer.buffer(bytes(body)));
  }

  byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw GaiaException.internal("cannot serialise response", e);
    }
  }

  /** The SSE event that ends a stream with {@code failure}: {@code data: {"error":{...}}\n\n}. */
  Buffer sseError(GaiaException failure) {
    return Buffer.buffer("data: " + new String(bytes(ErrorBody.of(failure)), StandardCharsets.UTF_8) + "\n\n");
  }

  void error(HttpServerResponse response, Throwable failure) {
    GaiaException e = toGaia(failure);
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      // Bytes already went out: this cannot become an error status any more.
      response.reset();
      return;
    }
    e.retryAfter().ifPresent(d -> response.putHeader("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
    json(response, e.kind().status(), ErrorBody.of(e));
  }

  static GaiaException toGaia(Throwable failure) {
    if (failure instanceof GaiaException g) {
      return g;
    }
    LOG.log(System.Logger.Level.ERROR, "unexpected failure in the gateway", failure);
    return new GaiaException(ErrorKind.INTERNAL, "The gateway failed to process the request.", null, "internal_error");
  }
}
