package dev.gaia.inference.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands an HTTP response body, published by the client's own threads, to the pulling thread one
 * chunk at a time, with a deadline for each chunk: {@link java.net.http.HttpClient} has no read
 * timeout, and this is where a stalled server is noticed. Demand is one chunk, requested again as
 * each is taken, so at most one chunk waits in memory.
 */
final class BodyStream implements Flow.Subscriber<List<ByteBuffer>> {

  /** No chunk arrived within the idle timeout. */
  static final class StalledException extends Exception {
    StalledException(Duration idle) {
      super("no data for " + idle.toMillis() + " ms");
    }
  }

  private sealed interface Signal {}

  private record Chunk(List<ByteBuffer> buffers) implements Signal {}

  private record End() implements Signal {}

  private record Failed(Throwable error) implements Signal {}

  private final LinkedBlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  private volatile boolean cancelled;

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (!subscription.compareAndSet(null, s) || cancelled) {
      s.cancel();
      return;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    signals.add(new Chunk(item));
  }

  @Override
  public void onError(Throwable error) {
    signals.add(new Failed(error));
  }

  @Override
  public void onComplete() {
    signals.add(new End());
  }

  /**
   * The next chunk, or null once the body is complete. Throws {@link IOException} when the
   * connection failed mid-body (including a body shorter than its {@code Content-Length}).
   */
  List<ByteBuffer> next(Duration idleTimeout)
      throws InterruptedException, IOException, StalledException {
    Signal signal = signals.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
    return switch (signal) {
      case null -> throw new StalledException(idleTimeout);
      case Chunk c -> {
        subscription.get().request(1);
        yield c.buffers();
      }
      case End e -> null;
      case Failed f ->
          throw f.error() instanceof IOException io
              ? io
              : new IOException(String.valueOf(f.error().getMessage()), f.error());
    };
  }

  /** Stops the transfer and releases the connection; safe to call at any time, repeatedly. */
  void cancel() {
    cancelled = true;
    Flow.Subscription s = subscription.get();
    if (s != null) {
      s.cancel();
    }
  }
}
