package dev.gaia.cli.bench;

import dev.gaia.domain.gateway.GatewayConfig;
import dev.gaia.domain.gateway.GatewayServer;
import dev.gaia.domain.gateway.InMemoryKeys;
import dev.gaia.domain.gateway.UsageSink;
import dev.gaia.domain.routing.AffinitySettings;
import dev.gaia.domain.routing.HalfLife;
import dev.gaia.domain.routing.LeastLoadedRouter;
import dev.gaia.domain.routing.NodeEndpoint;
import dev.gaia.domain.routing.NodePool;
import dev.gaia.domain.routing.OutlierDetector;
import dev.gaia.domain.routing.OutlierSettings;
import io.vertx.core.buffer.Buffer;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * {@code gaia bench domain}: the gateway against direct calls and nginx, all in front of the same
 * stub backend, in interleaved rounds (each round runs every case on every target, the target order
 * rotating from round to round), then the routing simulation.
 */
public final class DomainBench {
  private static final Buffer CHAT = Buffer.buffer("{\"model\":\"" + StubBackend.MODEL
      + "\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}");
  private static final Buffer STREAM = Buffer.buffer("{\"model\":\"" + StubBackend.MODEL
      + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}");

  private enum Case { LATENCY, THROUGHPUT, SSE }

  private final DomainBenchSettings settings;
  private final PrintWriter progress;

  public DomainBench(DomainBenchSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  public DomainBenchReport run(MachineInfo machine) {
    List<String> notes = new ArrayList<>();
    try (StubBackend stub = StubBackend.start(settings.events());
        GatewayServer gateway = startGateway(stub.url());
        ClosedLoop load = new ClosedLoop()) {
      Optional<NginxProxy> nginx = settings.nginx().flatMap(binary -> {
        try {
          return Optional.of(NginxProxy.start(binary, stub.url()));
        } catch (IllegalStateException e) {
          notes.add("nginx comparison skipped: " + e.getMessage());
          return Optional.empty();
        }
      });
      try {
        Map<String, URI> targets = new LinkedHashMap<>();
        targets.put("direct", stub.url());
        targets.put("gateway", gateway.url());
        nginx.ifPresent(n -> targets.put("nginx", n.url()));
        Map<String, Map<Case, List<LoadSample>>> samples = new LinkedHashMap<>();
        targets.keySet().forEach(t -> samples.put(t, new EnumMap<>(Case.class)));
        Duration warmup = settings.perCase().compareTo(Duration.ofSeconds(1)) < 0 ? settings.perCase() : Duration.ofSeconds(1);
        progress.println("warming up (" + warmup.toMillis() + " ms per target and case)");
        progress.flush();
        for (URI url : targets.values()) {
          for (Case c : Case.values()) {
            measure(load, url, c, warmup);
          }
        }
        List<String> names = new ArrayList<>(targets.keySet());
        for (int round = 0; round < settings.rounds(); round++) {
          progress.printf(Locale.ROOT, "round %d of %d%n", round + 1, settings.rounds());
          progress.flush();
          for (Case c : Case.values()) {
            for (int i = 0; i < names.size(); i++) {
              String name = names.get((i + round) % names.size());
              samples.get(name).computeIfAbsent(c, k -> new ArrayList<>())
                  .add(measure(load, targets.get(name), c, settings.perCase()));
            }
          }
        }
        progress.println("routing simulation");
        progress.flush();
        RoutingFigures routing = RoutingBench.run(settings.seed(), settings.seeds(), settings.simulatedRequests());
        samples.forEach((name, byCase) -> {
          long errors = byCase.values().stream().flatMap(List::stream).mapToLong(LoadSample::errors).sum();
          if (errors > 0) {
            notes.add(name + ": " + errors + " requests failed");
          }
        });
        notes.add("TTFT of multi-turn chats with prefix affinity on vs off is not reported: neither the stub nor"
            + " RoutingSimulation models a prefix (KV) cache, so there is nothing honest to measure it on yet");
        return new DomainBenchReport(machine, settings, figures(samples.get("direct")), figures(samples.get("gateway")),
            nginx.map(n -> figures(samples.get("nginx"))), nginx.map(NginxProxy::version), routing, notes);
      } finally {
        nginx.ifPresent(NginxProxy::close);
      }
    }
  }

  private LoadSample measure(ClosedLoop load, URI url, Case c, Duration duration) {
    return switch (c) {
      case LATENCY -> load.run(url, CHAT, false, 1, duration);
      case THROUGHPUT -> load.run(url, CHAT, false, settings.connections(), duration);
      case SSE -> load.run(url, STREAM, true, settings.streams(), duration);
    };
  }

  private static ProxyFigures figures(Map<Case, List<LoadSample>> byCase) {
    long errors = byCase.values().stream().flatMap(List::stream).mapToLong(LoadSample::errors).sum();
    return new ProxyFigures(
        median(byCase.get(Case.LATENCY), s -> s.latencyMicros(0.50)),
        median(byCase.get(Case.LATENCY), s -> s.latencyMicros(0.99)),
        median(byCase.get(Case.THROUGHPUT), LoadSample::requestsPerSecond),
        median(byCase.get(Case.SSE), LoadSample::eventsPerSecond),
        errors);
  }

  private static double median(List<LoadSample> samples, ToDoubleFunction<LoadSample> figure) {
    return Median.of(samples.stream().map(figure::applyAsDouble).toList());
  }

  /**
   * The gateway in front of the stub as its only node: open domain, least-loaded routing, usage
   * counted in memory. Not {@code InMemoryUsage}: it keeps every record in a copy-on-write list, an
   * O(n) copy per request that would be the bottleneck of a run of 100k requests; the persistent
   * store's own cost is not part of this benchmark.
   */
  private GatewayServer startGateway(URI stub) {
    GatewayConfig d = GatewayConfig.defaults("127.0.0.1", 0);
    GatewayConfig config = new GatewayConfig(d.host(), d.port(), d.requestDeadline(), d.connectTimeout(),
        d.firstByteTimeout(), d.maxAttempts(), d.maxBodyBytes(), true);
    Clock clock = Clock.systemUTC();
    OutlierDetector detector = OutlierDetector.create(OutlierSettings.defaults().withHeartbeatTimeout(Optional.empty()), clock);
    NodePool pool = NodePool.create(new HalfLife.Requests(20), detector, clock);
    pool.put(new NodeEndpoint("stub", stub, Set.of(StubBackend.MODEL)));
    LeastLoadedRouter router = LeastLoadedRouter.create(pool, AffinitySettings.defaults(), new SplittableRandom(settings.seed()));
    LongAdder usage = new LongAdder();
    UsageSink sink = record -> usage.increment();
    return GatewayServer.start(config, router, new InMemoryKeys(), sink, clock);
  }
}
