package dev.gaia.cli.bench;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code gaia bench domain} runs.
 *
 * @param perCase how long each closed-loop case runs (one target, one kind of load)
 * @param rounds interleaved rounds; every figure is the median over them
 * @param connections concurrent connections of the throughput case
 * @param streams concurrent SSE streams of the passthrough case
 * @param events content chunks per SSE stream
 * @param nginx the nginx binary to compare with, or empty to skip nginx
 * @param seed first seed of the routing simulation
 * @param seeds simulation runs per policy (seeds {@code seed .. seed + seeds - 1})
 * @param simulatedRequests requests per simulation run
 */
public record DomainBenchSettings(Duration perCase, int rounds, int connections, int streams, int events,
    Optional<String> nginx, long seed, int seeds, int simulatedRequests) {
  public DomainBenchSettings {
    Objects.requireNonNull(perCase, "perCase");
    Objects.requireNonNull(nginx, "nginx");
    if (perCase.isNegative() || perCase.isZero()) {
      throw new IllegalArgumentException("perCase must be positive: " + perCase);
    }
    if (rounds < 1 || connections < 1 || streams < 1 || events < 1 || seeds < 1 || simulatedRequests < 1) {
      throw new IllegalArgumentException("rounds, connections, streams, events, seeds and simulatedRequests must be >= 1");
    }
  }
}
