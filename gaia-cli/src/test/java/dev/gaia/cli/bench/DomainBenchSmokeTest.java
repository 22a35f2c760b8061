package dev.gaia.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole pipeline (stub, gateway, load generator, simulation) at tiny sizes, without nginx. */
class DomainBenchSmokeTest {
  @Test
  void every_target_reports_sane_figures() {
    DomainBenchSettings settings =
        new DomainBenchSettings(Duration.ofMillis(300), 1, 4, 2, 20, Optional.empty(), 7, 1, 500);

    DomainBenchReport report =
        new DomainBench(settings, new PrintWriter(new StringWriter())).run(new MachineInfo(2, "cpu", "today", "jdk"));

    for (ProxyFigures f : new ProxyFigures[] {report.direct(), report.gateway()}) {
      assertThat(f.errors()).isZero();
      assertThat(f.p50Micros()).isPositive();
      assertThat(f.p99Micros()).isGreaterThanOrEqualTo(f.p50Micros());
      assertThat(f.requestsPerSecond()).isPositive();
      assertThat(f.eventsPerSecond()).isPositive();
    }
    assertThat(report.nginx()).isEmpty();
    assertThat(report.routing().oursP95Millis()).isPositive();
    assertThat(report.routing().randomP95Millis()).isPositive();
    assertThat(report.table()).contains("added latency p50", "SSE passthrough, 2 streams", "nginx skipped");
  }
}
