package dev.gaia.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Starts {@code n} HTTP streams at once and measures their aggregate generation rate: all
 * generated tokens over the wall time from the first request to the last stream's end. Prompts are
 * short, so the figure is mostly decoding; prompt processing is inside the wall time all the same.
 */
final class ConcurrentStreams {
  private final HttpStream http;

  ConcurrentStreams(HttpStream http) {
    this.http = http;
  }

  /** @param prompts the prompt of stream {@code i}; each must differ to defeat the prompt cache */
  double aggregateRate(int n, IntFunction<String> prompts, int maxTokens) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      texts.add(prompts.apply(i));
    }
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      long start = System.nanoTime();
      List<Future<StreamSample>> futures = new ArrayList<>();
      for (String text : texts) {
        futures.add(clients.submit(() -> http.run(text, maxTokens)));
      }
      long tokens = 0;
      for (Future<StreamSample> f : futures) {
        tokens += f.get().tokens();
      }
      long wall = System.nanoTime() - start;
      return tokens / (wall / 1e9);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a concurrent stream failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
