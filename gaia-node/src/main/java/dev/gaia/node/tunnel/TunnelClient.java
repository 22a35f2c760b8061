package dev.gaia.node.tunnel;

import dev.gaia.protocol.identity.Signer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocket;
import dev.gaia.protocol.tunnel.FrameCodec;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A node's tunnel to its gateway: dials out (so the node needs no open port), proves its identity
 * by signing the gateway's challenge with its {@link Signer}, then serves the requests the gateway
 * sends through the tunnel against the node's own HTTP server ({@link TunnelConfig#local()}). When
 * the tunnel drops or cannot be opened it redials after a capped, jittered exponential backoff,
 * until {@link #close()}. Requests in flight on a dropped tunnel are cancelled locally; the
 * gateway fails them over.
 *
 * <p>Runs on its own Vert.x instance. Thread-safe.
 */
public final class TunnelClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TunnelClient.class.getName());

  private final Vertx vertx;
  private final TunnelConfig config;
  private final Signer signer;
  private final Backoff backoff;
  private final WebSocketClient sockets;
  private final HttpClient local;
  private volatile boolean closed;
  private volatile boolean ready;
  private volatile WebSocket socket;
  private final java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();
  private int attempt;

  private TunnelClient(Vertx vertx, TunnelConfig config, Signer signer, Random jitter) {
    this.vertx = vertx;
    this.config = config;
    this.signer = signer;
    this.backoff = new Backoff(config.minBackoff(), config.maxBackoff(), jitter);
    this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(FrameCodec.MAX_FRAME)
        .setMaxMessageSize(FrameCodec.MAX_FRAME));
    this.local = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setDecompressionSupported(false),
        new PoolOptions().setHttp1MaxSize(256));
  }

  /**
   * Starts dialling and returns at once; {@link #ready()} tells when the gateway accepted the tunnel.
   *
   * @param jitter randomises the backoff; seed it in tests
   */
  public static TunnelClient start(TunnelConfig config, Signer signer, Random jitter) {
    TunnelClient client = new TunnelClient(Vertx.vertx(), config, signer, jitter);
    client.vertx.runOnContext(v -> client.dial());
    return client;
  }

  /** Whether a tunnel is up and the gateway accepted its signature. */
  public boolean ready() {
    return ready;
  }

  /** How many tunnels the gateway has accepted since start (1 + reconnects). */
  public int sessions() {
    return sessions.get();
  }

  /** Closes the current tunnel without stopping the client: it redials, as after a drop (tests). */
  public void dropForTest() {
    WebSocket s = socket;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    WebSocket s = socket;
    try {
      if (s != null) {
        s.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "tunnel close: " + e);
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "tunnel client did not close cleanly: " + e);
    }
  }

  private void dial() {
    if (closed) {
      return;
    }
    var url = config.gateway();
    boolean tls = "wss".equals(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(url.getHost()).setPort(port).setSsl(tls).setURI(path)
        .setConnectTimeout(10_000);
    sockets.connect(options).onComplete(done -> {
      if (done.failed()) {
        LOG.log(System.Logger.Level.INFO, "tunnel to " + url + " failed: " + done.cause().getMessage());
        redial();
        return;
      }
      WebSocket ws = done.result();
      if (closed) {
        ws.close();
        return;
      }
      socket = ws;
      NodeSession session = new NodeSession(ws, signer, local, config.local(), () -> {
        ready = true;
        attempt = 0;
        sessions.incrementAndGet();
        LOG.log(System.Logger.Level.INFO, "tunnel to " + url + " is up as " + signer.address());
      });
      ws.closeHandler(v -> {
        ready = false;
        socket = null;
        session.dropped();
        redial();
      });
      ws.exceptionHandler(e -> LOG.log(System.Logger.Level.DEBUG, "tunnel error: " + e));
    });
  }

  private void redial() {
    if (closed) {
      return;
    }
    long delay = Math.max(1, backoff.delay(attempt++).toMillis());
    vertx.setTimer(delay, t -> dial());
  }
}
