package dev.gaia.domain.gateway;

/**
 * Where the gateway records the usage of every successful (2xx) response. Called on an event loop
 * once the response has ended: it must not block (a persistent sink queues and writes in
 * batches). Thread-safe.
 */
public interface UsageSink {

  void record(UsageRecord usage);
}
