package dev.gaia.domain.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.domain.routing.Router;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The domain gateway's HTTP server: serves the node API ({@code /v1/chat/completions},
 * {@code /v1/completions}, {@code /v1/embeddings}, {@code /v1/retrieve}) by forwarding each request
 * to an active node the {@link Router} chooses, with failover; {@code /v1/models} as the union of
 * the active nodes' models; {@code /health} and {@code /ready}. API keys and their rate limits are
 * checked first; the usage of every successful response is recorded.
 *
 * <p>Runs on its own Vert.x instance; nothing here blocks an event loop, so the {@link KeyCheck},
 * {@link UsageSink} and {@link ReceiptHook} given to it must not block either.
 */
public final class GatewayServer implements AutoCloseable {
  /** Names the node that served a response (its address). */
  public static final String NODE_HEADER = "x-gaia-node";
  /** The gateway's id for a request, on every response and on the request sent to the node. */
  public static final String REQUEST_ID_HEADER = "x-gaia-request-id";

  private static final System.Logger LOG = System.getLogger(GatewayServer.class.getName());

  private final Vertx vertx;
  private final HttpServer server;
  private final HttpClientAgent client;
  private final String host;

  private GatewayServer(Vertx vertx, HttpServer server, HttpClientAgent client, String host) {
    this.vertx = vertx;
    this.server = server;
    this.client = client;
    this.host = host;
  }

  /** {@link #start(GatewayConfig, Router, KeyCheck, UsageSink, ReceiptHook, Clock)} without receipts. */
  public static GatewayServer start(GatewayConfig config, Router router, KeyCheck keys, UsageSink usage, Clock clock) {
    return start(config, router, keys, usage, ReceiptHook.none(), clock);
  }

  /**
   * Binds the server and returns once it accepts connections.
   *
   * @param clock timestamps usage records and drives rate limits (deadlines and timings use the
   *     monotonic clock)
   * @throws GaiaException naming the port when it is already in use
   */
  public static GatewayServer start(
      GatewayConfig config, Router router, KeyCheck keys, UsageSink usage, ReceiptHook receipts, Clock clock) {
    return start(config, router, keys, usage, receipts, java.util.Optional.empty(), clock);
  }

  /**
   * As above, also taking node membership messages ({@code /v1/domain/join|heartbeat|leave}) when
   * {@code membership} is present.
   */
  public static GatewayServer start(
      GatewayConfig config, Router router, KeyCheck keys, UsageSink usage, ReceiptHook receipts,
      java.util.Optional<Membership> membership, Clock clock) {
    return start(config, router, keys, usage, receipts, membership, java.util.Optional.empty(), clock);
  }

  /** As above, also upgrading {@code /v1/domain/tunnel} requests through {@code tunnels}. */
  public static GatewayServer start(
      GatewayConfig config, Router router, KeyCheck keys, UsageSink usage, ReceiptHook receipts,
      java.util.Optional<Membership> membership,
      java.util.Optional<java.util.function.Consumer<io.vertx.core.http.HttpServerRequest>> tunnels, Clock clock) {
    Vertx vertx = Vertx.vertx();
    HttpClientAgent client = vertx.createHttpClient(
        new HttpClientOptions()
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setDecompressionSupported(false),
        // Vert.x's default of 5 connections per node would queue concurrent streams in the pool.
        new PoolOptions().setHttp1MaxSize(512));
    ObjectMapper json = Json.newMapper();
    Replies replies = new Replies(json);
    RateLimiter limiter = new RateLimiter(clock);
    Proxy proxy = new Proxy(vertx, client, router, config, replies, new Metering(usage, receipts, limiter, clock));
    Dispatch dispatch = new Dispatch(
        router,
        new Admission(keys, limiter, config.openDomain()),
        proxy,
        replies,
        clock.instant().getEpochSecond(),
        "gw-" + Long.toString(clock.millis(), 36) + "-",
        membership,
        vertx,
        tunnels);
    HttpServer server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setCompressionSupported(false)
        .setTcpNoDelay(true)
        // Tunnel frames (see dev.gaia.protocol.tunnel.FrameCodec) arrive as single messages.
        .setMaxWebSocketFrameSize(dev.gaia.protocol.tunnel.FrameCodec.MAX_FRAME)
        .setMaxWebSocketMessageSize(dev.gaia.protocol.tunnel.FrameCodec.MAX_FRAME));
    server.requestHandler(dispatch);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      vertx.close();
      if (e.getCause() instanceof BindException) {
        throw new GaiaException(ErrorKind.UNAVAILABLE,
            "Port " + config.port() + " on " + config.host() + " is already in use; stop what uses it or set another port.",
            "port", "port_in_use");
      }
      throw new GaiaException(ErrorKind.INTERNAL, "Cannot start the gateway: " + e.getCause().getMessage(), null, null, null, e);
    } catch (InterruptedException | TimeoutException e) {
      vertx.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw GaiaException.internal("The gateway did not start in time.", e);
    }
    GatewayServer gateway = new GatewayServer(vertx, server, client, config.host());
    LOG.log(System.Logger.Level.INFO, "gateway listening on " + gateway.url());
    return gateway;
  }

  public int port() {
    return server.actualPort();
  }

  /** Base URL clients use, e.g. {@code http://127.0.0.1:8080}; a wildcard host shows as loopback. */
  public URI url() {
    String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    if (h.contains(":")) {
      h = "[" + h + "]";
    }
    return URI.create("http://" + h + ":" + port());
  }

  /** Stops accepting requests and closes every connection, in flight or not. */
  @Override
  public void close() {
    await(server.close(), "HTTP server");
    await(client.close(), "HTTP client");
    await(vertx.close(), "Vert.x");
  }

  private static void await(io.vertx.core.Future<Void> closing, String what) {
    try {
      closing.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.WARNING, what + " did not close cleanly: " + e);
    }
  }
}
