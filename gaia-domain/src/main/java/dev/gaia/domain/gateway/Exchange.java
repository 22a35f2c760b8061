package dev.gaia.domain.gateway;

import dev.gaia.domain.routing.NodeEndpoint;
import dev.gaia.domain.routing.Outcome;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One client request on its way through the gateway: choose a node, send the body unchanged, and
 * either pass the node's answer through or, if the node fails before its response headers
 * (connect error, timeout, 5xx), try the next node until attempts or the deadline run out.
 *
 * <p>The answer is passed through as the {@link Buffer}s the HTTP client reads from the node's
 * socket: written to the client as they are, except that the chunks read in one event-loop turn are
 * merged into one write, one flush and one HTTP chunk ({@link TurnBatch}: a copy of those bytes,
 * where a write and flush per chunk cost a syscall each; Vert.x may also copy a chunk once out of
 * Netty's pooled memory as it reads it), never one write per token or event, with backpressure (the node's response is paused while the client's
 * write queue is full). A stream that breaks after bytes reached the client ends with an SSE error
 * event; a client that goes away resets the node's request, which closes its connection.
 *
 * <p>Confined to the event loop of the client's connection: every callback here (server request,
 * HTTP client, timers) runs on that one context, so no field needs synchronisation.
 */
final class Exchange {
  private static final System.Logger LOG = System.getLogger(Exchange.class.getName());
  /** Bytes of a response's end kept to find its usage (see {@link UsageTail}). */
  private static final int USAGE_WINDOW = 16 * 1024;
  /** Response headers that describe one hop, not the message; never copied from a node. */
  private static final Set<String> HOP_BY_HOP = Set.of(
      "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
      "proxy-authenticate", "content-length", GatewayServer.NODE_HEADER, GatewayServer.REQUEST_ID_HEADER);

  private final Proxy proxy;
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private final ApiKey key;
  private final String requestId;
  private final long deadlineNanos;
  private final Set<String> excluded = new HashSet<>();
  private Buffer body;
  private RequestSummary summary;
  private Attempt current;
  private int attempts;
  private boolean clientGone;

  /** One try on one node. */
  private static final class Attempt {
    final NodeEndpoint node;
    final long sentNanos;
    long timer = -1;
    /** Set once the node's response headers arrived. */
    boolean answered;
    long firstByteNanos;
    long bytes;
    /** Whether what went to the client so far ends an SSE event ({@code \n\n}). */
    byte last1 = '\n';
    byte last2 = '\n';
    HttpClientRequest upstream;
    /** Set once the body starts to pass through. */
    TurnBatch batch;
    boolean done;

    Attempt(NodeEndpoint node, long sentNanos) {
      this.node = node;
      this.sentNanos = sentNanos;
    }

    void passed(Buffer chunk) {
      int n = chunk.length();
      bytes += n;
      if (n >= 2) {
        last2 = chunk.getByte(n - 2);
        last1 = chunk.getByte(n - 1);
      } else if (n == 1) {
        last2 = last1;
        last1 = chunk.getByte(0);
      }
    }

    boolean atEventBoundary() {
      return last1 == '\n' && last2 == '\n';
    }
  }

  Exchange(Proxy proxy, HttpServerRequest request, ApiKey key, String requestId, long deadlineNanos) {
    this.proxy = proxy;
    this.request = request;
    this.response = request.response();
    this.key = key;
    this.requestId = requestId;
    this.deadlineNanos = deadlineNanos;
    response.closeHandler(v -> clientGone());
  }

  void start(Buffer body, boolean chat) {
    try {
      this.body = body;
      this.summary = RequestSummary.read(proxy.reader, body.getBytes(), chat);
      attempt();
    } catch (RuntimeException e) {
      // A GaiaException is the client's error; anything else (a router bug) is logged as a 500.
      proxy.replies.error(response, e);
    }
  }

  private void attempt() {
    if (clientGone) {
      return;
    }
    long remaining = deadlineNanos - System.nanoTime();
    if (attempts >= proxy.config.maxAttempts() || remaining <= 0) {
      proxy.replies.error(response, allFailed(remaining <= 0));
      return;
    }
    Optional<NodeEndpoint> chosen = proxy.router.choose(summary.route(), Set.copyOf(excluded));
    if (chosen.isEmpty()) {
      proxy.replies.error(response, attempts == 0 ? noNode() : allFailed(false));
      return;
    }
    NodeEndpoint node = chosen.get();
    excluded.add(node.address());
    attempts++;
    Attempt a = new Attempt(node, System.nanoTime());
    current = a;
    proxy.router.started(node.address());
    long timeoutMillis = Math.max(1, Math.min(proxy.config.firstByteTimeout().toMillis(), TimeUnit.NANOSECONDS.toMillis(remaining)));
    a.timer = proxy.vertx.setTimer(timeoutMillis, id -> {
      if (!a.done) {
        finish(a, new Outcome.Failure("no response headers within " + timeoutMillis + " ms"));
        abandon(a);
        attempt();
      }
    });
    RequestOptions options = new RequestOptions()
        .setMethod(request.method())
        .setAbsoluteURI(target(node))
        .setConnectTimeout(proxy.config.connectTimeout().toMillis())
        .putHeader(GatewayServer.REQUEST_ID_HEADER, requestId);
    copyIfPresent(HttpHeaders.CONTENT_TYPE, options);
    copyIfPresent(HttpHeaders.ACCEPT, options);
    proxy.client.request(options)
        .compose(upstream -> {
          a.upstream = upstream;
          if (a.done) {
            upstream.reset();
            return Future.failedFuture("abandoned");
          }
          upstream.exceptionHandler(t -> broke(a, t));
          return upstream.send(body);
        })
        .onComplete(ar -> {
          proxy.vertx.cancelTimer(a.timer);
          if (a.done) {
            if (ar.succeeded()) {
              ar.result().request().reset();
            }
          } else if (ar.failed()) {
            failover(a, "request failed: " + ar.cause());
          } else {
            answered(a, ar.result());
          }
        });
  }

  private void answered(Attempt a, HttpClientResponse upstream) {
    int status = upstream.statusCode();
    if (status >= 500) {
      upstream.body(); // drain it so the connection can be reused
      failover(a, "status " + status);
      return;
    }
    a.answered = true;
    a.firstByteNanos = System.nanoTime();
    response.setStatusCode(status);
    MultiMap out = response.headers();
    for (Map.Entry<String, String> h : upstream.headers()) {
      if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        out.add(h.getKey(), h.getValue());
      }
    }
    String length = upstream.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      out.set(HttpHeaders.CONTENT_LENGTH, length);
    } else {
      response.setChunked(true);
    }
    out.set(GatewayServer.NODE_HEADER, a.node.address());
    boolean success = status / 100 == 2;
    UsageTail tail = new UsageTail(success ? USAGE_WINDOW : 1);

    TurnBatch batch = new TurnBatch(Vertx.currentContext(), response, () -> {
      if (response.writeQueueFull()) {
        upstream.pause();
        response.drainHandler(v -> upstream.resume());
      }
    });
    a.batch = batch;
    upstream.handler(chunk -> {
      a.passed(chunk);
      tail.add(chunk);
      batch.add(chunk);
    });
    upstream.exceptionHandler(t -> broke(a, t));
    upstream.endHandler(v -> {
      if (a.done) {
        return;
      }
      // Metered before the last write, so a client holding the whole answer finds it recorded.
      if (success) {
        long now = System.nanoTime();
        Duration ttfb = Duration.ofNanos(a.firstByteNanos - a.sentNanos);
        Duration total = Duration.ofNanos(now - a.sentNanos);
        Optional<UsageTail.Tokens> tokens = tail.usage(proxy.reader);
        finish(a, new Outcome.Success(ttfb, tokens.map(UsageTail.Tokens::completion).orElse(0), total));
        // Signed receipts hook in here, through Metering's ReceiptHook.
        proxy.metering.served(key, requestId, a.node.address(), summary.model(), tokens, ttfb, total);
      } else {
        finish(a, new Outcome.Neutral());
      }
      batch.flush();
      response.end();
    });
  }

  /** The node's connection failed after its response began. */
  private void broke(Attempt a, Throwable cause) {
    if (a.done || clientGone) {
      return;
    }
    if (!a.answered) {
      // Still before the response headers: the send future reports it and fails over.
      return;
    }
    if (!response.headWritten()) {
      // Headers arrived but no byte reached the client yet: another node can still answer.
      if (a.batch != null) {
        a.batch.discard();
      }
      response.headers().clear();
      response.setChunked(false);
      response.putHeader(GatewayServer.REQUEST_ID_HEADER, requestId);
      failover(a, "response broke before its body: " + cause);
      return;
    }
    if (a.batch != null) {
      a.batch.flush();
    }
    finish(a, new Outcome.Failure("response broke after " + a.bytes + " bytes: " + cause));
    String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
    boolean sse = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    if (sse && response.isChunked()) {
      GaiaException e = new GaiaException(ErrorKind.UNAVAILABLE,
          "The node serving this request failed mid-stream; the answer is incomplete.", null, "node_stream_broken");
      if (!a.atEventBoundary()) {
        response.write("\n\n");
      }
      response.end(proxy.replies.sseError(e));
    } else {
      // A JSON body cut short cannot be repaired: cut the client's connection so it sees it.
      response.reset();
    }
  }

  /**
   * The client's connection (HTTP/1.1) or stream (HTTP/2) closed. HTTP/2 also reports the normal
   * end of a stream this way, so an ended response is not a disconnect.
   */
  private void clientGone() {
    if (clientGone || response.ended()) {
      return;
    }
    clientGone = true;
    Attempt a = current;
    if (a != null && !a.done) {
      proxy.vertx.cancelTimer(a.timer);
      finish(a, new Outcome.Neutral());
      abandon(a);
    }
  }

  /**
   * Stops an attempt's request. Over HTTP/1.1 (what the gateway speaks to nodes) that means closing
   * its connection, which is how the node learns to stop generating; a reset alone does not close
   * a connection whose request was already sent.
   */
  private void abandon(Attempt a) {
    HttpClientRequest upstream = a.upstream;
    if (upstream == null) {
      return;
    }
    if (upstream.version() == HttpVersion.HTTP_2) {
      upstream.reset();
    } else {
      upstream.connection().close();
    }
  }

  /** Counts the attempt as the node's failure and tries the next node; once per attempt. */
  private void failover(Attempt a, String reason) {
    if (a.done) {
      return;
    }
    LOG.log(System.Logger.Level.DEBUG, () -> requestId + ": node " + a.node.address() + " failed: " + reason);
    finish(a, new Outcome.Failure(reason));
    attempt();
  }

  private void finish(Attempt a, Outcome outcome) {
    if (!a.done) {
      a.done = true;
      proxy.router.finished(a.node.address(), outcome);
    }
  }

  private GaiaException noNode() {
    String model = summary.model().orElse(null);
    boolean served = proxy.router.active().stream()
        .anyMatch(n -> model == null || n.models().contains(model));
    if (!served && model != null) {
      return new GaiaException(ErrorKind.NOT_FOUND,
          "No node in this domain serves the model '" + model + "'; GET /v1/models lists those that do.",
          "model", "model_not_found");
    }
    return new GaiaException(ErrorKind.UNAVAILABLE,
        "No node is available for this request right now; try again shortly.", null, "no_node_available");
  }

  private GaiaException allFailed(boolean deadline) {
    return new GaiaException(ErrorKind.UNAVAILABLE,
        (deadline ? "The request's deadline passed after " : "No node answered after ")
            + attempts + (attempts == 1 ? " attempt" : " attempts") + "; try again shortly.",
        null, "all_nodes_failed");
  }

  private String target(NodeEndpoint node) {
    String base = node.baseUrl().toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + request.uri();
  }

  private void copyIfPresent(CharSequence name, RequestOptions options) {
    String v = request.getHeader(name);
    if (v != null) {
      options.putHeader(name, v);
    }
  }
}
