package dev.gaia.domain;

import dev.gaia.domain.gateway.UsageRecord;
import dev.gaia.domain.gateway.UsageSink;
import dev.gaia.domain.store.DomainStore;
import dev.gaia.domain.store.UsageEntry;
import dev.gaia.protocol.identity.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Usage records from the event loops, written to the store in batches by one background writer,
 * so recording never blocks a response. {@link #close()} writes what is still queued.
 */
final class StoreUsage implements UsageSink, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(StoreUsage.class.getName());

  private final DomainStore store;
  private final LinkedBlockingQueue<UsageEntry> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  StoreUsage(DomainStore store) {
    this.store = store;
    this.writer = Thread.ofPlatform().name("domain-usage-writer").daemon().start(this::run);
  }

  @Override
  public void record(UsageRecord usage) {
    queue.add(new UsageEntry(
        usage.keyId().equals("anonymous") ? Optional.empty() : Optional.of(usage.keyId()),
        Address.parse(usage.node()),
        usage.model(),
        usage.promptTokens(),
        usage.completionTokens(),
        usage.at()));
  }

  private void run() {
    List<UsageEntry> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        UsageEntry first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 499);
        store.recordUsage(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "could not record " + batch.size() + " usage entries", e);
      }
      batch.clear();
    }
  }

  /** Blocks until every queued record is written (at most a few seconds). */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
