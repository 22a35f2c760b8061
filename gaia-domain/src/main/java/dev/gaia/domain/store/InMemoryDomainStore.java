package dev.gaia.domain.store;

import dev.gaia.protocol.identity.Address;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A domain store in the JVM's memory, for tests of the logic above the store and for throw-away
 * gateways. Everything is lost on close. Thread-safe: every method holds the store's monitor.
 */
final class InMemoryDomainStore implements DomainStore {
  private final InstantSource clock;
  private final KeySecrets secrets;
  private final Map<String, NodeRecord> nodes = new TreeMap<>();
  private final Map<String, ApiKey> keysById = new HashMap<>();
  private final Map<String, ApiKey> keysByHash = new HashMap<>();
  private final List<UsageEntry> usage = new ArrayList<>();
  private final Map<String, List<ProbeRecord>> probes = new HashMap<>();
  private DomainConfig config;

  InMemoryDomainStore(InstantSource clock, KeySecrets secrets) {
    this.clock = clock;
    this.secrets = secrets;
  }

  @Override
  public synchronized NodeRecord upsertNode(NodeRecord node) {
    NodeRecord old = nodes.get(node.address().value());
    NodeRecord stored =
        old == null
            ? node
            : new NodeRecord(
                node.address(), node.url(), node.tunnel(), node.state(), node.models(), old.joinedAt(),
                node.lastSeen(), node.note());
    nodes.put(node.address().value(), stored);
    return stored;
  }

  @Override
  public synchronized Optional<NodeRecord> node(Address address) {
    return Optional.ofNullable(nodes.get(address.value()));
  }

  @Override
  public synchronized List<NodeRecord> nodes() {
    return List.copyOf(nodes.values());
  }

  @Override
  public synchronized NodeRecord setState(Address address, NodeState state, String reason) {
    NodeRecord updated = existing(address).withState(state, reason);
    nodes.put(address.value(), updated);
    return updated;
  }

  @Override
  public synchronized void touch(Address address, Instant seen) {
    nodes.put(address.value(), existing(address).seenAt(seen));
  }

  private NodeRecord existing(Address address) {
    NodeRecord node = nodes.get(address.value());
    if (node == null) {
      throw StoreErrors.unknownNode(address);
    }
    return node;
  }

  @Override
  public synchronized NewApiKey createKey(String label, Optional<Integer> rpm, Optional<Integer> tpm) {
    String secret = secrets.newSecret();
    ApiKey key = new ApiKey(secrets.newId(), KeySecrets.hash(secret), label, rpm, tpm, clock.instant(), Optional.empty());
    keysById.put(key.id(), key);
    keysByHash.put(key.hash(), key);
    return new NewApiKey(key, secret);
  }

  @Override
  public synchronized Optional<ApiKey> findKeyBySecret(String secret) {
    String hash = KeySecrets.hash(secret);
    return Optional.ofNullable(keysByHash.get(hash)).filter(k -> KeySecrets.matches(k, hash));
  }

  @Override
  public synchronized Optional<ApiKey> key(String id) {
    return Optional.ofNullable(keysById.get(id));
  }

  @Override
  public synchronized List<ApiKey> keys() {
    return keysById.values().stream().sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id)).toList();
  }

  @Override
  public synchronized ApiKey revokeKey(String id) {
    ApiKey key = keysById.get(id);
    if (key == null) {
      throw StoreErrors.unknownKey(id);
    }
    if (key.valid()) {
      key = key.revoked(clock.instant());
      keysById.put(id, key);
      keysByHash.put(key.hash(), key);
    }
    return key;
  }

  @Override
  public synchronized void recordUsage(List<UsageEntry> entries) {
    usage.addAll(List.copyOf(entries));
  }

  @Override
  public synchronized UsageTotals usageOfKey(String keyId, Instant since) {
    UsageTotals totals = UsageTotals.ZERO;
    for (UsageEntry e : usage) {
      if (e.keyId().filter(keyId::equals).isPresent() && !e.at().isBefore(since)) {
        totals = totals.plus(e);
      }
    }
    return totals;
  }

  @Override
  public synchronized UsageTotals usageOfNode(Address node, Instant since) {
    UsageTotals totals = UsageTotals.ZERO;
    for (UsageEntry e : usage) {
      if (e.node().equals(node) && !e.at().isBefore(since)) {
        totals = totals.plus(e);
      }
    }
    return totals;
  }

  @Override
  public synchronized void recordProbe(ProbeRecord probe) {
    existing(probe.node());
    probes.computeIfAbsent(probe.node().value(), a -> new ArrayList<>()).add(probe);
  }

  @Override
  public synchronized List<ProbeRecord> recentProbes(Address node, int limit) {
    StoreErrors.requireLimit(limit);
    List<ProbeRecord> all = probes.getOrDefault(node.value(), List.of());
    // Newest first; among equal instants, the later recorded first (as the SQL stores order by id).
    List<ProbeRecord> newestFirst = new ArrayList<>(all.reversed());
    newestFirst.sort(Comparator.comparing(ProbeRecord::at).reversed());
    return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
  }

  @Override
  public synchronized Optional<DomainConfig> config() {
    return Optional.ofNullable(config);
  }

  @Override
  public synchronized void saveConfig(DomainConfig newConfig) {
    config = Objects.requireNonNull(newConfig, "config");
  }

  @Override
  public void close() {}
}
