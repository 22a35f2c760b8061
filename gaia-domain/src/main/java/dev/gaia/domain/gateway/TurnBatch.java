package dev.gaia.domain.gateway;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes the chunks of a node's response that arrive in one event-loop turn as one write to the
 * client: one flush (one {@code write} syscall) and one HTTP chunk per turn instead of one per
 * chunk. A node that streams SSE sends each event as its own HTTP chunk, so without this a burst
 * of 200 events read in one go costs 200 flushes; with it, one.
 *
 * <p>A turn's first chunk is written as it is; a second chunk in the same turn starts a buffer the
 * turn's chunks are appended to (one copy of those bytes, far cheaper than a flush each). The write
 * happens in a task queued on the same context, which runs once the event loop has finished reading
 * its sockets this turn; no timer delays it.
 *
 * <p>Confined to the context it was created on, like the {@link Exchange} that owns it.
 */
final class TurnBatch {
  private final Context context;
  private final HttpServerResponse response;
  private final Runnable afterWrite;
  private Buffer single;
  private Buffer merged;
  private boolean scheduled;
  private boolean discarded;

  /** {@code afterWrite} runs after each write (to apply backpressure). */
  TurnBatch(Context context, HttpServerResponse response, Runnable afterWrite) {
    this.context = context;
    this.response = response;
    this.afterWrite = afterWrite;
  }

  void add(Buffer chunk) {
    if (discarded) {
      return;
    }
    if (single == null && merged == null) {
      single = chunk;
    } else {
      if (merged == null) {
        merged = Buffer.buffer(Math.max(4096, 2 * (single.length() + chunk.length())));
        merged.appendBuffer(single);
        single = null;
      }
      merged.appendBuffer(chunk);
    }
    if (!scheduled) {
      scheduled = true;
      context.runOnContext(v -> flush());
    }
  }

  /** Drops what is pending and everything added later: the attempt failed over before its body reached the client. */
  void discard() {
    single = null;
    merged = null;
    discarded = true;
  }

  /** Writes what is pending now (before the response ends or breaks); dropped once it has ended. */
  void flush() {
    scheduled = false;
    Buffer pending = merged != null ? merged : single;
    single = null;
    merged = null;
    if (pending == null || response.ended() || response.closed()) {
      return;
    }
    response.write(pending);
    afterWrite.run();
  }
}
