package dev.gaia.cli;

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

/** An in-memory engine that emits one token every {@code pace}: fast and slow nodes for routing tests. */
record PacedEngine(Duration pace) implements ChatEngine {
  @Override
  public ModelDescriptor model() {
    return new ModelDescriptor("paced", Path.of("paced.gguf"), "ab".repeat(32), 0, "fake", 4096, "none");
  }

  @Override
  public int parallelSlots() {
    return 4;
  }

  @Override
  public int[] tokenize(String text) {
    return new int[Math.max(1, text.length() / 4)];
  }

  @Override
  public String renderChat(List<ChatTurn> messages) {
    return messages.getLast().content();
  }

  @Override
  public GenerationResult generate(GenerationRequest request, TokenSink sink, Cancellation cancellation) {
    long start = System.nanoTime();
    for (int i = 0; i < request.maxTokens(); i++) {
      if (cancellation.isCancelled()) {
        return result(GenerationResult.FinishReason.CANCELLED, i, start);
      }
      try {
        Thread.sleep(pace);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return result(GenerationResult.FinishReason.CANCELLED, i, start);
      }
      sink.accept(TokenPiece.of("t" + i + " "));
    }
    return result(GenerationResult.FinishReason.LENGTH, request.maxTokens(), start);
  }

  private GenerationResult result(GenerationResult.FinishReason reason, int tokens, long start) {
    Duration total = Duration.ofNanos(System.nanoTime() - start);
    return new GenerationResult(reason, 4, tokens, pace, total);
  }

  @Override
  public EngineStats stats() {
    return new EngineStats(0, 0, 0, 0);
  }

  @Override
  public void close() {}
}
