package dev.gaia.inference;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag the request side raises (client disconnect, deadline) and the generating thread polls
 * between tokens. Thread-safe.
 */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }
}
