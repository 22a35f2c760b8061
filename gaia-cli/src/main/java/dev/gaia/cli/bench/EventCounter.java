package dev.gaia.cli.bench;

import io.vertx.core.buffer.Buffer;

/** Counts SSE events ({@code \n\n} boundaries) in a byte stream cut into arbitrary chunks. */
final class EventCounter {
  private boolean lastWasNewline;
  private long events;

  void add(Buffer chunk) {
    for (int i = 0, n = chunk.length(); i < n; i++) {
      boolean newline = chunk.getByte(i) == '\n';
      if (newline && lastWasNewline) {
        events++;
        lastWasNewline = false;
      } else {
        lastWasNewline = newline;
      }
    }
  }

  long events() {
    return events;
  }
}
