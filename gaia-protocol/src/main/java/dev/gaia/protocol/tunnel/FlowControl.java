package dev.gaia.protocol.tunnel;

/**
 * Credit-based flow control for one direction of one stream, as HTTP/2 does it: the sender may
 * have at most the granted credit of DATA bytes outstanding; the receiver grants more as it hands
 * bytes on (to its local socket), batching grants until half a window is consumed. So a stream
 * whose reader is slow stops after one window, holds at most one window of memory at the
 * receiver, and never blocks the other streams of the tunnel.
 */
public final class FlowControl {
  /** Credit each stream starts with, each way, in bytes. */
  public static final int INITIAL_WINDOW = 256 * 1024;

  private FlowControl() {}

  /** The sending side's credit. Not thread-safe: used on one event loop. */
  public static final class SendWindow {
    private long credit;

    public SendWindow(int initial) {
      this.credit = initial;
    }

    /** Bytes that may be sent now. */
    public int available() {
      return (int) Math.min(Integer.MAX_VALUE, credit);
    }

    /** Spends {@code bytes} of credit; more than {@link #available()} is a bug of the caller. */
    public void spend(int bytes) {
      if (bytes < 0 || bytes > credit) {
        throw new IllegalStateException("spending " + bytes + " bytes with credit " + credit);
      }
      credit -= bytes;
    }

    /** Adds a grant from a WINDOW frame; a peer granting past 2^31-1 outstanding is malformed. */
    public void grant(int bytes) {
      if (bytes <= 0 || credit + bytes > Integer.MAX_VALUE) {
        throw new FrameException("window grant of " + bytes + " overflows credit " + credit);
      }
      credit += bytes;
    }
  }

  /** The receiving side's view: what the peer may still send, and what to grant back. */
  public static final class ReceiveWindow {
    private final int window;
    private long remaining;
    private long consumedSinceGrant;

    public ReceiveWindow(int window) {
      this.window = window;
      this.remaining = window;
    }

    /**
     * Records {@code bytes} of DATA that arrived; throws {@link FrameException} when the peer sent
     * past its credit (the tunnel is then broken: the peer ignores flow control).
     */
    public void received(int bytes) {
      if (bytes > remaining) {
        throw new FrameException("peer sent " + bytes + " bytes with only " + remaining + " of credit");
      }
      remaining -= bytes;
    }

    /**
     * Records that {@code bytes} were handed on and returns the credit to grant now in a WINDOW
     * frame, or 0 to wait: grants are batched until at least half a window was consumed.
     */
    public int consumed(int bytes) {
      consumedSinceGrant += bytes;
      if (consumedSinceGrant < window / 2) {
        return 0;
      }
      int grant = (int) consumedSinceGrant;
      consumedSinceGrant = 0;
      remaining += grant;
      return grant;
    }

    /** Bytes the peer may still send before it must wait for a grant. */
    public long remaining() {
      return remaining;
    }
  }
}
