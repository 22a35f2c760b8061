package dev.gaia.domain.store;

import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.identity.Address;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The persistent state of a domain: nodes, API keys, usage, probe history and settings.
 *
 * <p>Thread-safe. Several stores may share one database (gateway replicas on one PostgreSQL): each
 * call reads what the others committed before it, and writes are single statements or transactions,
 * so none is lost. Calls block on I/O: call them from virtual threads or worker pools, never from
 * an event loop. Failures of the database surface as {@link GaiaException} of kind {@code INTERNAL}
 * (message safe to show, details in the cause); unknown nodes and keys as {@code NOT_FOUND}.
 */
public interface DomainStore extends AutoCloseable {

  // ---- nodes

  /**
   * Stores {@code node}, replacing what was stored for its address except {@code joinedAt}, which
   * stays the first join's. Returns the node as stored.
   */
  NodeRecord upsertNode(NodeRecord node);

  Optional<NodeRecord> node(Address address);

  /** Every node in any state, ordered by address. */
  List<NodeRecord> nodes();

  /**
   * Moves a node to {@code state}, with {@code reason} (shown to operators) as its note. Returns
   * the node as stored; {@code NOT_FOUND} for an unknown address.
   */
  NodeRecord setState(Address address, NodeState state, String reason);

  /**
   * Records that the node was heard from at {@code seen}; an earlier instant than the stored one
   * changes nothing, so replicas may report out of order. {@code NOT_FOUND} for an unknown address.
   */
  void touch(Address address, Instant seen);

  // ---- API keys

  /**
   * Creates a key, valid now. The returned secret is not kept anywhere: it cannot be shown again.
   *
   * @param rpm requests per minute allowed, empty for no limit
   * @param tpm tokens per minute allowed, empty for no limit
   */
  NewApiKey createKey(String label, Optional<Integer> rpm, Optional<Integer> tpm);

  /**
   * The key whose secret is {@code secret}, revoked or not (check {@link ApiKey#valid()}); empty
   * when no key has it. The hash is compared in constant time.
   */
  Optional<ApiKey> findKeyBySecret(String secret);

  Optional<ApiKey> key(String id);

  /** Every key, revoked ones included, oldest first. */
  List<ApiKey> keys();

  /**
   * Revokes a key from now on; revoking a revoked key keeps its first revocation time. Returns the
   * key as stored; {@code NOT_FOUND} for an unknown id.
   */
  ApiKey revokeKey(String id);

  // ---- usage

  /** Appends usage entries, all or none. Entries are a log: they are never merged or refused. */
  void recordUsage(List<UsageEntry> entries);

  default void recordUsage(UsageEntry entry) {
    recordUsage(List.of(entry));
  }

  /** Totals of the entries of key {@code keyId} at or after {@code since}. */
  UsageTotals usageOfKey(String keyId, Instant since);

  /** Totals of the entries served by {@code node} at or after {@code since}, with or without a key. */
  UsageTotals usageOfNode(Address node, Instant since);

  default UsageTotals usageOfKey(String keyId) {
    return usageOfKey(keyId, Instant.EPOCH);
  }

  default UsageTotals usageOfNode(Address node) {
    return usageOfNode(node, Instant.EPOCH);
  }

  // ---- probes

  /** Appends a probe result; {@code NOT_FOUND} when its node is unknown. */
  void recordProbe(ProbeRecord probe);

  /** The last {@code limit} (at least 1) probes of {@code node}, newest first. */
  List<ProbeRecord> recentProbes(Address node, int limit);

  // ---- settings

  /** The domain's settings; empty until first saved. */
  Optional<DomainConfig> config();

  void saveConfig(DomainConfig config);

  /** Releases the connections; the store is unusable afterwards. */
  @Override
  void close();
}
