package dev.gaia.protocol.tunnel;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Sends one direction of one stream's body as DATA frames within the peer's credit, then END.
 * Bytes written past the credit wait here; {@link #write} says when the source should pause, and
 * {@code onDrained} runs when a grant has sent everything queued, so the source may resume. With
 * the source paused while bytes wait, at most one source chunk is queued beyond the window.
 *
 * <p>Not thread-safe: all calls on the tunnel's event loop.
 */
public final class StreamSender {
  private final int stream;
  private final FlowControl.SendWindow window;
  private final Consumer<byte[]> frames;
  private final Runnable onDrained;
  private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
  private int pendingOffset;
  private boolean ending;
  private boolean ended;

  /**
   * @param frames takes each encoded frame to put on the socket
   * @param onDrained runs (on a grant) once queued bytes are all sent
   */
  public StreamSender(int stream, int initialCredit, Consumer<byte[]> frames, Runnable onDrained) {
    this.stream = stream;
    this.window = new FlowControl.SendWindow(initialCredit);
    this.frames = frames;
    this.onDrained = onDrained;
  }

  /** Sends or queues {@code bytes}; returns false when bytes wait for credit (pause the source). */
  public boolean write(byte[] bytes) {
    if (ending) {
      throw new IllegalStateException("stream " + stream + " already ended");
    }
    if (bytes.length > 0) {
      pending.add(bytes);
    }
    flush();
    return pending.isEmpty();
  }

  /** Sends END once everything queued has been sent. */
  public void end() {
    ending = true;
    flush();
  }

  /** A WINDOW frame for this stream arrived. */
  public void grant(int credit) {
    boolean waited = !pending.isEmpty();
    window.grant(credit);
    flush();
    if (waited && pending.isEmpty() && !ending) {
      onDrained.run();
    }
  }

  /** Whether bytes wait for credit. */
  public boolean blocked() {
    return !pending.isEmpty();
  }

  /** Bytes waiting for credit. */
  public long queuedBytes() {
    long n = -pendingOffset;
    for (byte[] b : pending) {
      n += b.length;
    }
    return n;
  }

  private void flush() {
    while (!pending.isEmpty() && window.available() > 0) {
      byte[] head = pending.peek();
      int n = Math.min(Math.min(head.length - pendingOffset, window.available()), FrameCodec.MAX_DATA);
      frames.accept(FrameCodec.encodeData(stream, head, pendingOffset, n));
      window.spend(n);
      pendingOffset += n;
      if (pendingOffset == head.length) {
        pending.poll();
        pendingOffset = 0;
      }
    }
    if (ending && !ended && pending.isEmpty()) {
      ended = true;
      frames.accept(FrameCodec.encode(new Frame.End(stream)));
    }
  }
}
