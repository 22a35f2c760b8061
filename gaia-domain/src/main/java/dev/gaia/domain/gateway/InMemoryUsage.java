package dev.gaia.domain.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage kept in memory: every record (for tests and inspection) and running totals per key and
 * per node. Thread-safe. Grows without bound: for tests and short-lived gateways only.
 */
public final class InMemoryUsage implements UsageSink {
  // Appends are O(1): a copy-on-write list copied every earlier record on each request.
  private final java.util.concurrent.ConcurrentLinkedQueue<UsageRecord> records = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final Map<String, Totals> byKey = new ConcurrentHashMap<>();
  private final Map<String, Totals> byNode = new ConcurrentHashMap<>();

  /** Requests and tokens summed over some records. */
  public record Totals(long requests, long promptTokens, long completionTokens) {
    public static final Totals ZERO = new Totals(0, 0, 0);

    Totals plus(UsageRecord r) {
      return new Totals(requests + 1, promptTokens + r.promptTokens(), completionTokens + r.completionTokens());
    }
  }

  @Override
  public void record(UsageRecord usage) {
    records.add(usage);
    byKey.merge(usage.keyId(), Totals.ZERO.plus(usage), InMemoryUsage::sum);
    byNode.merge(usage.node(), Totals.ZERO.plus(usage), InMemoryUsage::sum);
  }

  public List<UsageRecord> records() {
    return List.copyOf(records);
  }

  public Totals byKey(String keyId) {
    return byKey.getOrDefault(keyId, Totals.ZERO);
  }

  public Totals byNode(String address) {
    return byNode.getOrDefault(address, Totals.ZERO);
  }

  private static Totals sum(Totals a, Totals b) {
    return new Totals(a.requests() + b.requests(), a.promptTokens() + b.promptTokens(),
        a.completionTokens() + b.completionTokens());
  }
}
