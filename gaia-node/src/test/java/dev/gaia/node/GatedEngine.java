package dev.gaia.node;

import dev.gaia.inference.Cancellation;
import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.ChatTurn;
import dev.gaia.inference.EngineStats;
import dev.gaia.inference.GenerationRequest;
import dev.gaia.inference.GenerationResult;
import dev.gaia.inference.ModelDescriptor;
import dev.gaia.inference.TokenPiece;
import dev.gaia.inference.TokenSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory engine whose generations emit one token per permit released by the test, so that
 * queueing and cancellation can be tested without timing assumptions.
 */
final class GatedEngine implements ChatEngine {
  final Semaphore tokens = new Semaphore(0);
  final AtomicInteger started = new AtomicInteger();
  final AtomicInteger cancelled = new AtomicInteger();
  final AtomicInteger running = new AtomicInteger();
  private final int slots;

  GatedEngine(int slots) {
    this.slots = slots;
  }

  @Override
  public ModelDescriptor model() {
    return new ModelDescriptor("gated", Path.of("gated.gguf"), null, 0, "fake", 4096, "none");
  }

  @Override
  public int parallelSlots() {
    return slots;
  }

  @Override
  public int[] tokenize(String text) {
    return new int[text.length()];
  }

  @Override
  public String renderChat(List<ChatTurn> messages) {
    return messages.getLast().content();
  }

  @Override
  public GenerationResult generate(GenerationRequest request, TokenSink sink, Cancellation cancellation) {
    started.incrementAndGet();
    running.incrementAndGet();
    try {
      int n = 0;
      while (n < request.maxTokens()) {
        if (cancellation.isCancelled()) {
          cancelled.incrementAndGet();
          return new GenerationResult(GenerationResult.FinishReason.CANCELLED, 1, n, Duration.ZERO, Duration.ZERO);
        }
        if (tokens.tryAcquire(20, TimeUnit.MILLISECONDS)) {
          sink.accept(TokenPiece.of("t" + n + " "));
          n++;
        }
      }
      return new GenerationResult(GenerationResult.FinishReason.LENGTH, 1, n, Duration.ZERO, Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      running.decrementAndGet();
    }
  }

  @Override
  public EngineStats stats() {
    return new EngineStats(started.get(), 0, 0, running.get());
  }

  @Override
  public void close() {}
}
