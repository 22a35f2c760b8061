package dev.gaia.domain.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What happens once a node's successful response has ended: its tokens are charged to the key's
 * rate limits, recorded as usage, and handed to the receipt hook, in that order. A failing sink or
 * hook is logged; the client has its answer already.
 */
final class Metering {
  private static final System.Logger LOG = System.getLogger(Metering.class.getName());

  private final UsageSink usage;
  private final ReceiptHook receipts;
  private final RateLimiter limiter;
  private final Clock clock;

  Metering(UsageSink usage, ReceiptHook receipts, RateLimiter limiter, Clock clock) {
    this.usage = usage;
    this.receipts = receipts;
    this.limiter = limiter;
    this.clock = clock;
  }

  void served(
      ApiKey key,
      String requestId,
      String node,
      Optional<String> model,
      Optional<UsageTail.Tokens> tokens,
      Duration timeToFirstByte,
      Duration total) {
    UsageRecord record = new UsageRecord(
        clock.instant(),
        requestId,
        key.id(),
        node,
        model.orElse(""),
        tokens.map(UsageTail.Tokens::prompt).orElse(0),
        tokens.map(UsageTail.Tokens::completion).orElse(0),
        tokens.isPresent(),
        timeToFirstByte,
        total);
    limiter.charge(key, record.totalTokens());
    try {
      usage.record(record);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "usage of " + requestId + " was not recorded", e);
    }
    try {
      receipts.completed(record);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "receipt hook failed for " + requestId, e);
    }
  }
}
