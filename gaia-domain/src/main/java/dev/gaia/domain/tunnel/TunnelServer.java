package dev.gaia.domain.tunnel;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.identity.Address;
import dev.gaia.protocol.identity.Signature;
import dev.gaia.protocol.identity.Signatures;
import dev.gaia.protocol.tunnel.Frame;
import dev.gaia.protocol.tunnel.FrameCodec;
import dev.gaia.protocol.tunnel.FrameException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The gateway's side of node tunnels. A node dials {@value #PATH} over a WebSocket; the server
 * sends a random nonce, the node answers with its EIP-191 signature of it, and the recovered
 * address must be one {@code admit} accepts. The node is then reachable at a loopback HTTP
 * endpoint ({@link #endpoint(Address)}) that the gateway's proxy uses like any node URL: each
 * request there becomes a stream through the tunnel. When a tunnel drops, its requests in flight
 * fail with 502 (before the response head) or a connection reset (after), so the proxy fails them
 * over; a node that reconnects replaces its old tunnel.
 *
 * <p>Listens on its own port ({@link #url()}) and also takes upgrades handed to it by another
 * server through {@link #handle(HttpServerRequest)}. Thread-safe.
 */
public final class TunnelServer implements AutoCloseable {
  /** Where nodes dial. */
  public static final String PATH = "/v1/domain/tunnel";
  /** Close code for a tunnel whose signature failed or whose node is not admitted. */
  public static final short REFUSED = 4401;

  private static final System.Logger LOG = System.getLogger(TunnelServer.class.getName());
  private static final long AUTH_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final HttpServer server;
  private final Predicate<Address> admit;
  private final Random nonces;
  private final Map<Address, Tunnel> tunnels = new ConcurrentHashMap<>();

  private TunnelServer(Vertx vertx, HttpServer server, Predicate<Address> admit, Random nonces) {
    this.vertx = vertx;
    this.server = server;
    this.admit = admit;
    this.nonces = nonces;
  }

  /**
   * Binds {@code host:port} (0 for any free port) and returns once it accepts tunnels.
   *
   * @param admit which node addresses may open a tunnel (must not block)
   * @param nonces source of challenge nonces: a {@link java.security.SecureRandom} in production
   */
  public static TunnelServer start(String host, int port, Predicate<Address> admit, Random nonces) {
    Vertx vertx = Vertx.vertx();
    HttpServer server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(host).setPort(port)
        .setMaxWebSocketFrameSize(FrameCodec.MAX_FRAME)
        .setMaxWebSocketMessageSize(FrameCodec.MAX_FRAME));
    TunnelServer tunnels = new TunnelServer(vertx, server, admit, nonces);
    server.requestHandler(tunnels::handle);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new GaiaException(ErrorKind.UNAVAILABLE, "Cannot listen for tunnels on " + host + ":" + port + ".",
          "port", "port_in_use");
    }
    return tunnels;
  }

  /** The URL nodes dial, {@code ws://host:port/v1/domain/tunnel}. */
  public URI url() {
    return URI.create("ws://127.0.0.1:" + server.actualPort() + PATH);
  }

  /** The loopback URL standing for {@code node}, while its tunnel is up. */
  public Optional<URI> endpoint(Address node) {
    return Optional.ofNullable(tunnels.get(node)).map(Tunnel::endpoint);
  }

  /** Nodes with a tunnel up now. */
  public Set<Address> connected() {
    return Set.copyOf(tunnels.keySet());
  }

  /**
   * Upgrades {@code request} to a tunnel when it is a WebSocket upgrade on {@value #PATH}, else
   * answers 404 / 400. The hook for serving tunnels on the gateway's own port.
   */
  public void handle(HttpServerRequest request) {
    if (!PATH.equals(request.path())) {
      request.response().setStatusCode(404).end();
      return;
    }
    if (!request.canUpgradeToWebSocket()) {
      request.response().setStatusCode(400).end("A tunnel is a WebSocket upgrade.");
      return;
    }
    request.toWebSocket().onSuccess(this::challenge).onFailure(e -> LOG.log(System.Logger.Level.DEBUG, "upgrade failed: " + e));
  }

  private void challenge(ServerWebSocket socket) {
    byte[] nonce = new byte[32];
    synchronized (nonces) {
      nonces.nextBytes(nonce);
    }
    long timer = vertx.setTimer(AUTH_TIMEOUT_MS, t -> socket.close(REFUSED, "no answer to the challenge"));
    boolean[] answered = {false};
    socket.binaryMessageHandler(message -> {
      if (answered[0]) {
        return;
      }
      answered[0] = true;
      vertx.cancelTimer(timer);
      Optional<Address> node = verify(nonce, message);
      if (node.isEmpty()) {
        socket.close(REFUSED, "signature refused");
        return;
      }
      accept(node.get(), socket);
    });
    socket.writeBinaryMessage(Buffer.buffer(FrameCodec.encode(new Frame.Challenge(nonce))));
  }

  private Optional<Address> verify(byte[] nonce, Buffer message) {
    try {
      if (!(FrameCodec.decode(message.getBytes()) instanceof Frame.Auth auth)) {
        return Optional.empty();
      }
      Address signer = Signatures.recoverSigner(nonce, Signature.of(auth.signature()));
      if (!admit.test(signer)) {
        LOG.log(System.Logger.Level.INFO, "tunnel refused: " + signer + " is not admitted");
        return Optional.empty();
      }
      return Optional.of(signer);
    } catch (FrameException | IllegalArgumentException e) {
      LOG.log(System.Logger.Level.INFO, "tunnel refused: " + e.getMessage());
      return Optional.empty();
    }
  }

  private void accept(Address node, ServerWebSocket socket) {
    Tunnel.open(vertx, node, socket).onComplete(opened -> {
      if (opened.failed()) {
        socket.close((short) 1011, "cannot open the node endpoint");
        return;
      }
      Tunnel tunnel = opened.result();
      Tunnel old = tunnels.put(node, tunnel);
      if (old != null) {
        old.close();
      }
      socket.closeHandler(v -> {
        tunnels.remove(node, tunnel);
        tunnel.dropped();
        LOG.log(System.Logger.Level.INFO, "tunnel of " + node + " closed");
      });
      if (socket.isClosed()) {
        tunnels.remove(node, tunnel);
        tunnel.dropped();
        return;
      }
      socket.writeBinaryMessage(Buffer.buffer(FrameCodec.encode(new Frame.Ready())));
      LOG.log(System.Logger.Level.INFO, "tunnel of " + node + " is up at " + tunnel.endpoint());
    });
  }

  /** Closes every tunnel (their requests fail over) and stops listening. */
  @Override
  public void close() {
    tunnels.values().forEach(Tunnel::close);
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "tunnel server did not close cleanly: " + e);
    }
  }
}
