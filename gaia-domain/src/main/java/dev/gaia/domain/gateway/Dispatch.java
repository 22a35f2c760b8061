package dev.gaia.domain.gateway;

import dev.gaia.domain.routing.NodeEndpoint;
import dev.gaia.domain.routing.Router;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.openai.ModelList;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's paths: the node API forwarded by the {@link Proxy}, {@code /v1/models} answered
 * from the active nodes, {@code /health} and {@code /ready}. A plain switch on the path instead of
 * a web router: fewer steps on the hot path. Every response carries {@code x-gaia-request-id}.
 */
final class Dispatch implements Handler<HttpServerRequest> {
  private static final Map<String, Boolean> FORWARDED = Map.of(
      "/v1/chat/completions", true,
      "/v1/completions", false,
      "/v1/embeddings", false,
      "/v1/retrieve", false);

  private final Router router;
  private final Admission admission;
  private final Proxy proxy;
  private final Replies replies;
  private final long created;
  private final String idPrefix;
  private final AtomicLong ids = new AtomicLong();
  private final java.util.Optional<Membership> membership;
  private final java.util.Optional<java.util.function.Consumer<HttpServerRequest>> tunnels;
  private final io.vertx.core.Vertx vertx;
  private final com.fasterxml.jackson.databind.ObjectMapper json = dev.gaia.protocol.Json.newMapper();

  /** Membership messages are small: a signed envelope of a few models. */
  static final int MEMBERSHIP_BODY_LIMIT = 64 * 1024;

  /**
   * @param created epoch seconds shown as {@code created} in {@code /v1/models}
   * @param idPrefix makes request ids unique across gateway runs
   */
  Dispatch(Router router, Admission admission, Proxy proxy, Replies replies, long created, String idPrefix,
      java.util.Optional<Membership> membership, io.vertx.core.Vertx vertx,
      java.util.Optional<java.util.function.Consumer<HttpServerRequest>> tunnels) {
    this.tunnels = tunnels;
    this.membership = membership;
    this.vertx = vertx;
    this.router = router;
    this.admission = admission;
    this.proxy = proxy;
    this.replies = replies;
    this.created = created;
    this.idPrefix = idPrefix;
  }

  @Override
  public void handle(HttpServerRequest request) {
    String requestId = idPrefix + Long.toString(ids.incrementAndGet(), 36);
    request.response().putHeader(GatewayServer.REQUEST_ID_HEADER, requestId);
    try {
      route(request, requestId);
    } catch (RuntimeException e) {
      // A GaiaException is the client's error; anything else is logged and answered as a 500.
      replies.error(request.response(), e);
    }
  }

  private void route(HttpServerRequest request, String requestId) {
    String path = request.path();
    Boolean chat = FORWARDED.get(path);
    if (chat != null) {
      allow(request, HttpMethod.POST);
      ApiKey key = admission.admit(request.getHeader(HttpHeaders.AUTHORIZATION));
      proxy.forward(request, key, requestId, chat);
      return;
    }
    switch (path) {
      case "/v1/models" -> {
        allow(request, HttpMethod.GET, HttpMethod.POST);
        admission.admit(request.getHeader(HttpHeaders.AUTHORIZATION));
        replies.json(request.response(), 200, models());
      }
      case "/health" -> {
        allow(request, HttpMethod.GET);
        replies.json(request.response(), 200, Map.of("status", "ok"));
      }
      case "/ready" -> {
        allow(request, HttpMethod.GET);
        boolean ready = !router.active().isEmpty();
        replies.json(request.response(), ready ? 200 : 503, Map.of("status", ready ? "ready" : "no active nodes"));
      }
      case "/v1/domain/tunnel" -> {
        if (tunnels.isEmpty()) {
          throw new GaiaException(ErrorKind.NOT_FOUND, "This gateway takes no tunnels.", null, "unknown_url");
        }
        tunnels.get().accept(request);
      }
      case "/v1/domain/join", "/v1/domain/heartbeat", "/v1/domain/leave",
          "/v1/domain/admin/approve", "/v1/domain/admin/eject" -> {
        if (membership.isEmpty()) {
          throw new GaiaException(ErrorKind.NOT_FOUND, "This gateway takes no members.", null, "unknown_url");
        }
        allow(request, HttpMethod.POST);
        membership(request, path.substring("/v1/domain/".length()));
      }
      default -> throw new GaiaException(
          ErrorKind.NOT_FOUND, "Unknown path " + request.method() + " " + path + ".", null, "unknown_url");
    }
  }

  /** Reads the (small) signed envelope, then lets the membership handle it on a worker. */
  private void membership(HttpServerRequest request, String action) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && Long.parseLong(length) > MEMBERSHIP_BODY_LIMIT) {
      throw new GaiaException(ErrorKind.PAYLOAD_TOO_LARGE, "A membership message is at most 64 KiB.", null, "payload_too_large");
    }
    request.body().onComplete(read -> {
      if (read.failed() || read.result().length() > MEMBERSHIP_BODY_LIMIT) {
        replies.error(request.response(), GaiaException.invalid(null, "Cannot read the membership message."));
        return;
      }
      com.fasterxml.jackson.databind.JsonNode envelope;
      try {
        envelope = json.readTree(read.result().getBytes());
      } catch (java.io.IOException e) {
        replies.error(request.response(), GaiaException.invalid(null, "The membership message is not JSON."));
        return;
      }
      vertx.<Object>executeBlocking(() -> membership.orElseThrow().handle(action, envelope), false)
          .onComplete(done -> {
            if (done.failed()) {
              replies.error(request.response(), done.cause());
            } else {
              replies.json(request.response(), 200, done.result());
            }
          });
    });
  }

  /** The union of the models the active nodes serve, sorted by id. */
  private ModelList models() {
    TreeSet<String> ids = new TreeSet<>();
    for (NodeEndpoint node : router.active()) {
      ids.addAll(node.models());
    }
    return ModelList.of(ids.stream().map(id -> ModelList.Model.of(id, created, "gaia-domain")).toList());
  }

  private static void allow(HttpServerRequest request, HttpMethod... methods) {
    if (!List.of(methods).contains(request.method())) {
      throw new GaiaException(ErrorKind.METHOD_NOT_ALLOWED,
          "Method " + request.method() + " is not allowed on " + request.path() + ".", null, "method_not_allowed");
    }
  }
}
