package dev.gaia.node;

import dev.gaia.protocol.GaiaException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs generations on exactly {@code slots} platform threads (one per engine slot: the JNI engine
 * blocks in native code, which would pin a virtual thread's carrier), with at most
 * {@code queueLimit} requests waiting. A request beyond that is refused at once with 503 and a
 * {@code Retry-After} hint instead of piling up.
 */
final class SlotScheduler implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final int slots;
  private final AtomicInteger running = new AtomicInteger();

  SlotScheduler(String name, int slots, int queueLimit) {
    this.slots = slots;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            slots,
            slots,
            60,
            TimeUnit.SECONDS,
            queueLimit == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueLimit),
            r -> {
              Thread t = new Thread(r, name + "-slot-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues {@code work}; the future fails with 503 at once when the queue is full. */
  <T> CompletableFuture<T> submit(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      pool.execute(
          () -> {
            running.incrementAndGet();
            try {
              result.complete(work.call());
            } catch (Exception | Error e) {
              result.completeExceptionally(e);
            } finally {
              running.decrementAndGet();
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(
          GaiaException.overloaded(
              "All " + slots + " slots are busy and the queue is full; retry shortly.",
              Duration.ofSeconds(1)));
    }
    return result;
  }

  int slots() {
    return slots;
  }

  int queued() {
    return pool.getQueue().size();
  }

  int running() {
    return running.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
