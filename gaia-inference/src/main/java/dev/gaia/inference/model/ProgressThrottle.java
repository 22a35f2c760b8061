package dev.gaia.inference.model;

import java.util.concurrent.TimeUnit;

/** Passes byte counts to a listener at most once per {@link #INTERVAL_NANOS}. Not thread-safe. */
final class ProgressThrottle {
  static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final DownloadListener listener;
  private long lastNanos;
  private long lastBytes = -1;

  ProgressThrottle(DownloadListener listener) {
    this.listener = listener;
    this.lastNanos = System.nanoTime() - INTERVAL_NANOS;
  }

  void report(long bytes) {
    long now = System.nanoTime();
    if (now - lastNanos >= INTERVAL_NANOS && bytes != lastBytes) {
      lastNanos = now;
      lastBytes = bytes;
      listener.progress(bytes);
    }
  }

  /** Reports {@code bytes} unless it was the last count reported. */
  void flush(long bytes) {
    if (bytes != lastBytes) {
      lastNanos = System.nanoTime();
      lastBytes = bytes;
      listener.progress(bytes);
    }
  }

  /** Forgets the last count, after {@code started} was called again for a restart or resume. */
  void restart() {
    lastBytes = -1;
  }
}
