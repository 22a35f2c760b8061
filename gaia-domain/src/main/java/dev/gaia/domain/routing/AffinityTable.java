package dev.gaia.domain.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Affinity key → address of the node that last served it, bounded. Striped to keep contention
 * low: a key's stripe is chosen by its hash, and each stripe is an exact LRU map (a {@link
 * LinkedHashMap} in access order) of {@code ceil(capacity / stripes)} entries under its own lock.
 * So eviction is least-recently-used within a stripe, which approximates a global LRU; the total
 * never exceeds {@code stripes × ceil(capacity / stripes)}.
 */
final class AffinityTable {
  private final Stripe[] stripes;

  AffinityTable(int capacity, int stripeCount) {
    int perStripe = Math.ceilDiv(capacity, stripeCount);
    stripes = new Stripe[stripeCount];
    for (int i = 0; i < stripeCount; i++) {
      stripes[i] = new Stripe(perStripe);
    }
  }

  static AffinityTable create(int capacity) {
    return new AffinityTable(capacity, Math.min(16, capacity));
  }

  Optional<String> get(String key) {
    Stripe stripe = stripe(key);
    synchronized (stripe) {
      return Optional.ofNullable(stripe.get(key));
    }
  }

  void pin(String key, String address) {
    Stripe stripe = stripe(key);
    synchronized (stripe) {
      stripe.put(key, address);
    }
  }

  int size() {
    int size = 0;
    for (Stripe stripe : stripes) {
      synchronized (stripe) {
        size += stripe.size();
      }
    }
    return size;
  }

  private Stripe stripe(String key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    return stripes[Math.floorMod(h, stripes.length)];
  }

  /** Access-ordered map that drops its eldest entry beyond its capacity. Guarded by itself. */
  private static final class Stripe extends LinkedHashMap<String, String> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    Stripe(int capacity) {
      super(16, 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > capacity;
    }
  }
}
