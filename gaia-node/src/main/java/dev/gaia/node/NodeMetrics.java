package dev.gaia.node;

import dev.gaia.inference.GenerationResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's Prometheus metrics: requests by endpoint and status, tokens, queue depth, busy slots,
 * time to first token and generation speed. Served as text on {@code GET /metrics}.
 */
final class NodeMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter promptTokens;
  private final Counter completionTokens;
  private final Timer timeToFirstToken;
  private final DistributionSummary tokensPerSecond;

  NodeMetrics(SlotScheduler scheduler) {
    promptTokens =
        Counter.builder("gaia.prompt.tokens").description("Prompt tokens evaluated").register(registry);
    completionTokens =
        Counter.builder("gaia.completion.tokens").description("Tokens generated").register(registry);
    timeToFirstToken =
        Timer.builder("gaia.time.to.first.token")
            .description("From the start of a generation to its first token")
            .publishPercentileHistogram()
            .register(registry);
    tokensPerSecond =
        DistributionSummary.builder("gaia.generation.tokens.per.second")
            .description("Generation speed of each request after its first token")
            .publishPercentileHistogram()
            .register(registry);
    Gauge.builder("gaia.queue.depth", scheduler, SlotScheduler::queued)
        .description("Requests waiting for a slot")
        .register(registry);
    Gauge.builder("gaia.slots.busy", scheduler, SlotScheduler::running)
        .description("Slots generating now")
        .register(registry);
    Gauge.builder("gaia.slots.total", scheduler, SlotScheduler::slots)
        .description("Parallel slots")
        .register(registry);
  }

  void request(String endpoint, int status) {
    Counter.builder("gaia.requests")
        .description("HTTP requests by endpoint and status")
        .tag("endpoint", endpoint)
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  void generation(GenerationResult result) {
    promptTokens.increment(result.promptTokens());
    completionTokens.increment(result.completionTokens());
    if (result.completionTokens() > 0) {
      timeToFirstToken.record(result.timeToFirstToken());
      long decodeNanos = result.total().minus(result.timeToFirstToken()).toNanos();
      if (result.completionTokens() > 1 && decodeNanos > 0) {
        tokensPerSecond.record((result.completionTokens() - 1) * 1e9 / decodeNanos);
      }
    }
  }

  String scrape() {
    return registry.scrape();
  }
}
