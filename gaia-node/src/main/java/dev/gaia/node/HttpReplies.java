package dev.gaia.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.ErrorBody;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Writes JSON bodies and maps every failure to an OpenAI-shaped error exactly once. Anything that
 * is not a {@link GaiaException} is a bug: it is logged and answered as a generic 500 whose text
 * reveals nothing internal.
 */
final class HttpReplies {
  private static final System.Logger LOG = System.getLogger(HttpReplies.class.getName());

  private final ObjectMapper json;

  HttpReplies(ObjectMapper json) {
    this.json = json;
  }

  void json(RoutingContext ctx, int status, Object body) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(bytes(body)));
  }

  byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw GaiaException.internal("cannot serialise response", e);
    }
  }

  void error(RoutingContext ctx, Throwable failure) {
    GaiaException e = toGaia(failure);
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      // A stream already started: report in-band and end it.
      response.end("data: " + new String(bytes(ErrorBody.of(e)), java.nio.charset.StandardCharsets.UTF_8) + "\n\n");
      return;
    }
    e.retryAfter()
        .ifPresent(d -> response.putHeader("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
    json(ctx, e.kind().status(), ErrorBody.of(e));
  }

  static GaiaException toGaia(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof GaiaException g) {
      return g;
    }
    LOG.log(System.Logger.Level.ERROR, "unexpected failure", t);
    return new GaiaException(ErrorKind.INTERNAL, "The node failed to process the request.");
  }
}
