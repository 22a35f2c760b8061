package dev.gaia.domain.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One node's live statistics, as routing measures them. Thread-safe and lock-free: the counters
 * are atomics and each moving average is an immutable {@link Ewma} replaced by compare-and-set,
 * so nodes never contend with each other and one node's updates only retry under a race.
 *
 * <p>Speed comes from {@link Outcome.Success} only, as three moving averages ({@link HalfLife}):
 *
 * <ul>
 *   <li>time to first byte, in seconds, from every success;
 *   <li>decode speed in tokens per second, {@code completionTokens / (total - timeToFirstByte)},
 *       and the completion length in tokens, both only from responses that streamed (tokens known
 *       and at least {@value #MIN_STREAMED_MILLIS} ms between first and last byte). A response
 *       that arrives in one piece (non-streamed, embeddings) says nothing about decode speed
 *       apart from prefill; its whole duration is already in its time to first byte.
 * </ul>
 *
 * {@link #expectedServiceSeconds()} combines them: {@code ttfb + tokens / tokensPerSecond}.
 */
public final class NodeStats {
  static final long MIN_STREAMED_MILLIS = 1;

  private final HalfLife halfLife;
  private final Clock clock;
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private final AtomicReference<Ewma> timeToFirstByte = new AtomicReference<>(Ewma.empty());
  private final AtomicReference<Ewma> tokensPerSecond = new AtomicReference<>(Ewma.empty());
  private final AtomicReference<Ewma> completionTokens = new AtomicReference<>(Ewma.empty());
  private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

  NodeStats(HalfLife halfLife, Clock clock) {
    this.halfLife = halfLife;
    this.clock = clock;
  }

  /** Requests sent to the node that have not finished yet. */
  public int outstanding() {
    return outstanding.get();
  }

  /** Failures since the latest success (neutral outcomes change nothing). */
  public int consecutiveFailures() {
    return consecutiveFailures.get();
  }

  /** When the latest successful request to the node finished; empty if none has. */
  public Optional<Instant> lastSuccess() {
    return Optional.ofNullable(lastSuccess.get());
  }

  /** Moving average of the time to first byte, in seconds; empty before the first success. */
  public OptionalDouble timeToFirstByteSeconds() {
    return timeToFirstByte.get().value();
  }

  /** Moving average of the decode speed, tokens per second; empty before the first streamed success. */
  public OptionalDouble tokensPerSecond() {
    return tokensPerSecond.get().value();
  }

  /** Moving average of completion tokens per streamed response; empty before the first. */
  public OptionalDouble completionTokens() {
    return completionTokens.get().value();
  }

  /**
   * What one request is expected to take on an idle node, in seconds: {@code ttfb + tokens /
   * tokensPerSecond} (just {@code ttfb} before any streamed response); empty before any success.
   */
  public OptionalDouble expectedServiceSeconds() {
    OptionalDouble ttfb = timeToFirstByteSeconds();
    if (ttfb.isEmpty()) {
      return ttfb;
    }
    OptionalDouble speed = tokensPerSecond();
    OptionalDouble tokens = completionTokens();
    double decode = speed.isPresent() && tokens.isPresent() && speed.getAsDouble() > 0
        ? tokens.getAsDouble() / speed.getAsDouble()
        : 0;
    return OptionalDouble.of(ttfb.getAsDouble() + decode);
  }

  void started() {
    outstanding.incrementAndGet();
  }

  /**
   * Counts the request as no longer outstanding and learns from its outcome. Never goes below zero
   * (a {@code finished} without its {@code started}, e.g. across a remove and re-add, is absorbed).
   */
  void finished(Outcome outcome) {
    outstanding.updateAndGet(n -> Math.max(0, n - 1));
    switch (outcome) {
      case Outcome.Success success -> succeeded(success);
      case Outcome.Failure _ -> consecutiveFailures.incrementAndGet();
      case Outcome.Neutral _ -> { }
    }
  }

  private void succeeded(Outcome.Success success) {
    Instant now = clock.instant();
    consecutiveFailures.set(0);
    lastSuccess.accumulateAndGet(now, (a, b) -> a == null || b.isAfter(a) ? b : a);
    timeToFirstByte.updateAndGet(e -> e.add(seconds(success.timeToFirstByte()), now, halfLife));
    Duration decode = success.total().minus(success.timeToFirstByte());
    if (success.completionTokens() > 0 && decode.toMillis() >= MIN_STREAMED_MILLIS) {
      double speed = success.completionTokens() / seconds(decode);
      tokensPerSecond.updateAndGet(e -> e.add(speed, now, halfLife));
      completionTokens.updateAndGet(e -> e.add(success.completionTokens(), now, halfLife));
    }
  }

  private static double seconds(Duration d) {
    return Math.max(0, d.getSeconds() + d.getNano() / 1e9);
  }
}
