package dev.gaia.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaia.domain.gateway.GatewayConfig;
import dev.gaia.domain.gateway.GatewayServer;
import dev.gaia.domain.gateway.Membership;
import dev.gaia.domain.gateway.ReceiptHook;
import dev.gaia.domain.registry.DomainRegistry;
import dev.gaia.domain.registry.HttpAdmissionProbe;
import dev.gaia.domain.routing.AffinitySettings;
import dev.gaia.domain.routing.HalfLife;
import dev.gaia.domain.routing.LeastLoadedRouter;
import dev.gaia.domain.routing.NodePool;
import dev.gaia.domain.routing.OutlierDetector;
import dev.gaia.domain.routing.OutlierSettings;
import dev.gaia.domain.routing.Router;
import dev.gaia.domain.routing.WeightedRandomRouter;
import dev.gaia.domain.store.DomainStore;
import dev.gaia.domain.store.NodeRecord;
import dev.gaia.domain.tunnel.TunnelServer;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.identity.EnvelopeVerifier;
import dev.gaia.protocol.identity.SignedEnvelope;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A running domain: the gateway serving the node API across the domain's nodes, the registry
 * taking signed membership messages, routing statistics, and the persistent store behind keys,
 * usage and nodes. Restarting on the same store brings back nodes (re-probed), keys and usage.
 */
public final class DomainGateway implements AutoCloseable {
  private final GatewayServer server;
  private final StoreUsage usage;
  private final ScheduledExecutorService background;
  private final DomainRegistry registry;
  private final NodePool pool;
  private final TunnelServer tunnels;

  private DomainGateway(GatewayServer server, StoreUsage usage, ScheduledExecutorService background,
      DomainRegistry registry, NodePool pool, TunnelServer tunnels) {
    this.tunnels = tunnels;
    this.server = server;
    this.usage = usage;
    this.background = background;
    this.registry = registry;
    this.pool = pool;
  }

  /** Which policy routes requests: ours, or Gaia's weighted random for comparisons. */
  public enum Policy { LEAST_LOADED, WEIGHTED_RANDOM }

  /**
   * @param heartbeatTimeout a node not heard from for this long stops getting traffic; empty to
   *     route to nodes that never send heartbeats (direct nodes probed by the operator)
   */
  public record Settings(
      GatewayConfig gateway, Policy policy, Optional<Duration> heartbeatTimeout, Duration canaryLimit, Optional<String> adminToken) {
    public Settings(GatewayConfig gateway, Policy policy, Optional<Duration> heartbeatTimeout, Duration canaryLimit) {
      this(gateway, policy, heartbeatTimeout, canaryLimit, Optional.empty());
    }
  }

  public static DomainGateway start(Settings settings, DomainStore store, Clock clock) {
    NodePool pool = NodePool.create(new HalfLife.Requests(20),
        OutlierDetector.create(OutlierSettings.defaults().withHeartbeatTimeout(settings.heartbeatTimeout()), clock), clock);
    Router router = switch (settings.policy()) {
      case LEAST_LOADED -> LeastLoadedRouter.create(pool, AffinitySettings.defaults(), ThreadLocalRandom.current());
      case WEIGHTED_RANDOM -> WeightedRandomRouter.create(pool, Map.of(), ThreadLocalRandom.current());
    };
    // Tunnels are served on the gateway's own port; the tunnel server's listener stays idle. Any
    // node that proves its key may dial; only joined, admitted nodes get traffic.
    TunnelServer tunnels = TunnelServer.start("127.0.0.1", 0, address -> true, new java.security.SecureRandom());
    DomainRegistry registry = new DomainRegistry(store, pool, EnvelopeVerifier.create(clock),
        new HttpAdmissionProbe(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), settings.canaryLimit()),
        clock, tunnels::endpoint);
    registry.restore();
    StoreKeys keys = new StoreKeys(store);
    StoreUsage usage = new StoreUsage(store);
    ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
        r -> Thread.ofPlatform().name("domain-refresh").daemon().unstarted(r));
    background.scheduleWithFixedDelay(keys::refresh, 5, 5, TimeUnit.SECONDS);
    Membership membership = (action, json) -> action.startsWith("admin/")
        ? admin(registry, settings.adminToken(), action.substring("admin/".length()), json)
        : membership(registry, keys, action, json);
    try {
      // Whether clients need keys is the domain's rule, kept in its database (shared by replicas).
      GatewayConfig g = settings.gateway();
      boolean open = store.config().map(dev.gaia.domain.store.DomainConfig::open).orElse(g.openDomain());
      GatewayConfig gateway = new GatewayConfig(g.host(), g.port(), g.requestDeadline(), g.connectTimeout(),
          g.firstByteTimeout(), g.maxAttempts(), g.maxBodyBytes(), open);
      GatewayServer server = GatewayServer.start(gateway, router, keys, usage, ReceiptHook.none(),
          Optional.of(membership), Optional.of(tunnels::handle), clock);
      return new DomainGateway(server, usage, background, registry, pool, tunnels);
    } catch (RuntimeException e) {
      tunnels.close();
      background.shutdownNow();
      usage.close();
      throw e;
    }
  }

  private static Object membership(DomainRegistry registry, StoreKeys keys, String action, JsonNode json) {
    SignedEnvelope envelope;
    try {
      envelope = SignedEnvelope.fromJson(json);
    } catch (RuntimeException e) {
      throw e instanceof GaiaException g ? g : GaiaException.invalid(null, "not a signed envelope: " + e.getMessage());
    }
    return switch (action) {
      case "join" -> {
        NodeRecord node = registry.join(envelope);
        yield Map.of("node", node.address().toString(), "state", node.state().name().toLowerCase(java.util.Locale.ROOT),
            "note", node.note().orElse(""));
      }
      case "heartbeat" -> {
        registry.heartbeat(envelope);
        yield Map.of("ok", true);
      }
      case "leave" -> {
        registry.leave(envelope);
        yield Map.of("left", true);
      }
      default -> throw GaiaException.notFound(null, "unknown membership action " + action);
    };
  }

  /** The operator's node decisions, guarded by the token the domain wrote for the local CLI. */
  private static Object admin(DomainRegistry registry, Optional<String> token, String action, JsonNode json) {
    String given = json.path("token").asText("");
    if (token.isEmpty() || !java.security.MessageDigest.isEqual(
        token.get().getBytes(java.nio.charset.StandardCharsets.UTF_8), given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw new GaiaException(dev.gaia.protocol.ErrorKind.UNAUTHORIZED, "Missing or wrong admin token.", null, "invalid_admin_token");
    }
    dev.gaia.protocol.identity.Address node;
    try {
      node = dev.gaia.protocol.identity.Address.parse(json.path("node").asText(""));
    } catch (IllegalArgumentException e) {
      throw GaiaException.invalid("node", "node must be a node address (0x...)");
    }
    NodeRecord record = switch (action) {
      case "approve" -> registry.approve(node);
      case "eject" -> registry.eject(node, json.path("reason").asText("ejected by the operator"));
      default -> throw GaiaException.notFound(null, "unknown admin action " + action);
    };
    return Map.of("node", record.address().toString(), "state", record.state().name().toLowerCase(java.util.Locale.ROOT),
        "note", record.note().orElse(""));
  }

  public URI url() {
    return server.url();
  }

  /** Where nodes behind NAT dial: {@code ws://<gateway>/v1/domain/tunnel}. */
  public URI tunnelUrl() {
    URI http = server.url();
    return URI.create("ws://" + http.getHost() + ":" + http.getPort() + TunnelServer.PATH);
  }

  public DomainRegistry registry() {
    return registry;
  }

  public NodePool pool() {
    return pool;
  }

  @Override
  public void close() {
    server.close();
    tunnels.close();
    background.shutdownNow();
    usage.close();
  }
}
