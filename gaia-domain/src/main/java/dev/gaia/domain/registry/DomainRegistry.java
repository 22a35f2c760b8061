package dev.gaia.domain.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.domain.routing.NodeEndpoint;
import dev.gaia.domain.routing.NodePool;
import dev.gaia.domain.store.DomainConfig;
import dev.gaia.domain.store.DomainStore;
import dev.gaia.domain.store.JoinPolicy;
import dev.gaia.domain.store.NodeRecord;
import dev.gaia.domain.store.NodeState;
import dev.gaia.domain.store.ProbeRecord;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.Json;
import dev.gaia.protocol.domain.DomainMessage;
import dev.gaia.protocol.identity.Address;
import dev.gaia.protocol.identity.EnvelopeVerifier;
import dev.gaia.protocol.identity.SignedEnvelope;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is in the domain: takes signed join, heartbeat and leave messages, admits nodes after a
 * probe (or on the operator's approval), keeps the persistent record in the {@link DomainStore}
 * and the routable set in the {@link NodePool}. Every message is verified first: a forged,
 * replayed, expired or foreign message changes nothing.
 *
 * <p>Blocking (store and probes): call from worker threads. Thread-safe.
 */
public final class DomainRegistry {
  private final DomainStore store;
  private final NodePool pool;
  private final EnvelopeVerifier verifier;
  private final AdmissionProbe probe;
  private final Clock clock;
  private final ObjectMapper json = Json.newMapper();
  private final java.util.function.Function<Address, Optional<URI>> tunnels;
  /**
   * Every model id a node said it serves, also those without a file hash (the store keeps only
   * hashed ones, which admission checks): a knowledge-only node serves {@code gaia-retrieval}.
   */
  private final java.util.concurrent.ConcurrentHashMap<Address, Set<String>> announced = new java.util.concurrent.ConcurrentHashMap<>();

  public DomainRegistry(DomainStore store, NodePool pool, EnvelopeVerifier verifier, AdmissionProbe probe, Clock clock) {
    this(store, pool, verifier, probe, clock, node -> Optional.empty());
  }

  /** @param tunnels the local endpoint of a tunnelled node while its tunnel is up */
  public DomainRegistry(DomainStore store, NodePool pool, EnvelopeVerifier verifier, AdmissionProbe probe, Clock clock,
      java.util.function.Function<Address, Optional<URI>> tunnels) {
    this.tunnels = tunnels;
    this.store = store;
    this.pool = pool;
    this.verifier = verifier;
    this.probe = probe;
    this.clock = clock;
  }

  private DomainConfig config() {
    return store.config().orElseThrow(() -> new GaiaException(ErrorKind.UNAVAILABLE,
        "this domain has no configuration yet; run 'gaia domain init'", null, "domain_not_initialised"));
  }

  /** Verifies and parses a message; the envelope's signer is the node. */
  private <T extends DomainMessage> T open(SignedEnvelope envelope, Class<T> type) {
    JsonNode payload = verifier.verify(envelope);
    DomainMessage message;
    try {
      message = json.treeToValue(payload, DomainMessage.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw GaiaException.invalid("payload", "not a domain message: " + e.getMessage());
    }
    if (!type.isInstance(message)) {
      throw GaiaException.invalid("payload", "expected a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + " message");
    }
    String domain = config().name();
    if (!message.domain().equals(domain)) {
      throw new GaiaException(ErrorKind.UNAUTHORIZED,
          "this message is for domain '" + message.domain() + "', not '" + domain + "'", "domain", "wrong_domain");
    }
    return type.cast(message);
  }

  /**
   * A node asks to join. Open domains probe it at once and route to it when the probe passes;
   * approval domains keep it pending for the operator; closed domains refuse.
   *
   * @return the node's record after the decision
   */
  public NodeRecord join(SignedEnvelope envelope) {
    DomainMessage.Join join = open(envelope, DomainMessage.Join.class);
    DomainConfig config = config();
    if (config.joinPolicy() == JoinPolicy.CLOSED) {
      throw new GaiaException(ErrorKind.UNAUTHORIZED, "domain '" + config.name() + "' admits no new nodes", null, "domain_closed");
    }
    Address node = envelope.signer();
    Map<String, String> models = new LinkedHashMap<>();
    for (DomainMessage.ServedModel m : join.models()) {
      if (m.sha256() != null) {
        models.put(m.id(), m.sha256().toLowerCase(java.util.Locale.ROOT));
      }
    }
    announced.put(node, join.models().stream().map(DomainMessage.ServedModel::id).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    NodeRecord record = store.upsertNode(NodeRecord.joining(node, join.url(), join.tunnel(), models, clock.instant()));
    if (config.joinPolicy() == JoinPolicy.APPROVAL && record.state() == NodeState.PENDING) {
      return record;
    }
    return admit(record, config);
  }

  /** The operator lets a pending (or ejected) node in: it is probed, then routed to. */
  public NodeRecord approve(Address node) {
    NodeRecord record = store.node(node).orElseThrow(() -> GaiaException.notFound("node", "no node " + node + " in this domain"));
    return admit(record, config());
  }

  /** The operator removes a node from routing; it may join again only when approved. */
  public NodeRecord eject(Address node, String reason) {
    pool.remove(node.value());
    return store.setState(node, NodeState.EJECTED, reason);
  }

  public void heartbeat(SignedEnvelope envelope) {
    open(envelope, DomainMessage.Heartbeat.class);
    Address node = envelope.signer();
    if (store.node(node).isEmpty()) {
      throw GaiaException.notFound("node", "node " + node + " has not joined this domain");
    }
    store.touch(node, clock.instant());
    pool.detector().heartbeat(node.value(), clock.instant());
  }

  public void leave(SignedEnvelope envelope) {
    open(envelope, DomainMessage.Leave.class);
    Address node = envelope.signer();
    pool.remove(node.value());
    if (store.node(node).isPresent()) {
      store.setState(node, NodeState.EJECTED, "left the domain");
    }
  }

  /** Probes {@code record} and routes to it when the probe passes; records the probe either way. */
  NodeRecord admit(NodeRecord record, DomainConfig required) {
    Optional<URI> base = baseUrl(record);
    AdmissionProbe.Verdict verdict = base.isPresent()
        ? probe.probe(base.get(), required)
        : new AdmissionProbe.Verdict(false, "its tunnel is not connected: dial the tunnel before joining", java.time.Duration.ZERO);
    store.recordProbe(new ProbeRecord(record.address(), clock.instant(), verdict.passed(), verdict.detail(), verdict.latency()));
    if (!verdict.passed()) {
      pool.remove(record.address().value());
      return store.setState(record.address(), NodeState.EJECTED, "admission failed: " + verdict.detail());
    }
    NodeRecord active = store.setState(record.address(), NodeState.ACTIVE, verdict.detail());
    route(active);
    return active;
  }

  /** At gateway start: every node recorded as active is probed again before it gets traffic. */
  public void restore() {
    DomainConfig required = store.config().orElse(null);
    if (required == null) {
      return;
    }
    for (NodeRecord n : store.nodes()) {
      if (n.state() == NodeState.ACTIVE || n.state() == NodeState.DEGRADED) {
        admit(n, required);
      }
    }
  }

  /** Where requests for {@code node} go: its URL, or the local end of its tunnel. */
  private Optional<URI> baseUrl(NodeRecord node) {
    return node.tunnel() ? tunnels.apply(node.address()) : node.url();
  }

  private void route(NodeRecord node) {
    Optional<URI> url = baseUrl(node);
    if (url.isEmpty()) {
      return;
    }
    Set<String> ids = new java.util.HashSet<>(node.models().keySet());
    ids.addAll(announced.getOrDefault(node.address(), Set.of()));
    pool.put(new NodeEndpoint(node.address().value(), url.get(), ids));
    pool.detector().heartbeat(node.address().value(), clock.instant());
  }
}
