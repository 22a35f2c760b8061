package dev.gaia.domain.store;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when a test says so. */
final class TestClock implements InstantSource {
  private final AtomicReference<Instant> now;

  TestClock(Instant start) {
    now = new AtomicReference<>(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  Instant advance(Duration by) {
    return now.updateAndGet(t -> t.plus(by));
  }
}
