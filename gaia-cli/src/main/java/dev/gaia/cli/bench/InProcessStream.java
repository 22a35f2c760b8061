package dev.gaia.cli.bench;

import dev.gaia.inference.Cancellation;
import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.GenerationRequest;
import dev.gaia.inference.GenerationResult;
import dev.gaia.inference.SamplingParams;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One greedy generation called straight on the engine: the baseline the HTTP path is held to. */
final class InProcessStream {
  private final ChatEngine engine;

  InProcessStream(ChatEngine engine) {
    this.engine = engine;
  }

  /** Blocks the calling (platform) thread until {@code maxTokens} are generated. */
  StreamSample run(String prompt, int maxTokens) {
    AtomicInteger tokens = new AtomicInteger();
    AtomicLong first = new AtomicLong();
    AtomicLong last = new AtomicLong();
    long start = System.nanoTime();
    GenerationResult result =
        engine.generate(
            new GenerationRequest(prompt, maxTokens, SamplingParams.greedy(), List.of(), Optional.empty(), -1),
            piece -> {
              long now = System.nanoTime();
              if (tokens.getAndIncrement() == 0) {
                first.set(now);
              }
              last.set(now);
            },
            new Cancellation());
    return new StreamSample(result.promptTokens(), tokens.get(), first.get() - start, last.get() - first.get());
  }
}
