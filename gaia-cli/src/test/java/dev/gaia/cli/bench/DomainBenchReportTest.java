package dev.gaia.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainBenchReportTest {
  @TempDir Path dir;

  static DomainBenchReport report(ProxyFigures gateway, Optional<ProxyFigures> nginx) {
    DomainBenchSettings settings =
        new DomainBenchSettings(Duration.ofSeconds(5), 3, 32, 16, 200, Optional.of("nginx"), 42, 5, 20_000);
    return new DomainBenchReport(new MachineInfo(2, "cpu", "2026-01-01", "jdk"), settings,
        new ProxyFigures(40, 150, 40_000, 600_000, 0), gateway, nginx, nginx.map(n -> "nginx/1.22.1"),
        new RoutingFigures(4_000, 10_000, "4 nodes"), List.of("a note"));
  }

  static ReportRow row(List<ReportRow> rows, String measure) {
    return rows.stream().filter(r -> r.measure().equals(measure)).findFirst().orElseThrow();
  }

  @Test
  void added_latency_is_gateway_minus_direct_and_passes_up_to_0_3_ms() {
    List<ReportRow> rows = DomainReportRows.of(report(new ProxyFigures(300, 900, 16_000, 500_000, 0),
        Optional.of(new ProxyFigures(60, 200, 20_000, 550_000, 0))));

    ReportRow p50 = row(rows, "added latency p50, 1 connection");
    assertThat(p50.value()).isEqualTo("+0.260 ms");
    assertThat(p50.comparison()).isEqualTo("gateway 0.300 ms vs direct 0.040 ms; nginx adds +0.020 ms");
    assertThat(p50.verdict()).isEqualTo(Verdict.PASS);
    assertThat(row(rows, "added latency p99, 1 connection").verdict()).isEqualTo(Verdict.INFO);
    assertThat(row(rows, "added latency p99, 1 connection").value()).isEqualTo("+0.750 ms");
  }

  @Test
  void throughput_and_sse_are_ratios_of_nginx_held_to_0_8() {
    List<ReportRow> rows = DomainReportRows.of(report(new ProxyFigures(400, 900, 15_000, 500_000, 0),
        Optional.of(new ProxyFigures(60, 200, 20_000, 550_000, 0))));

    ReportRow throughput = row(rows, "throughput, JSON, 32 connections");
    assertThat(throughput.comparison()).isEqualTo("0.75x nginx (20,000 req/s); direct 40,000 req/s");
    assertThat(throughput.verdict()).isEqualTo(Verdict.MISS);
    ReportRow sse = row(rows, "SSE passthrough, 16 streams");
    assertThat(sse.comparison()).startsWith("0.91x nginx");
    assertThat(sse.verdict()).isEqualTo(Verdict.PASS);
    assertThat(row(rows, "added latency p50, 1 connection").verdict()).isEqualTo(Verdict.MISS);
    ReportRow routing = row(rows, "p95 latency, least-loaded vs weighted random");
    assertThat(routing.comparison()).startsWith("0.40x weighted random");
    assertThat(routing.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void without_nginx_the_ratios_are_skipped_not_failed() {
    List<ReportRow> rows = DomainReportRows.of(report(new ProxyFigures(100, 300, 15_000, 500_000, 0), Optional.empty()));

    assertThat(row(rows, "throughput, JSON, 32 connections").verdict()).isEqualTo(Verdict.INFO);
    assertThat(row(rows, "SSE passthrough, 16 streams").comparison()).startsWith("nginx skipped");
  }

  @Test
  void markdown_replaces_its_own_section_and_keeps_the_others() throws Exception {
    Path file = dir.resolve("benchmarks.md");
    Files.writeString(file, "# Benchmarks\n\n<!-- gaia bench kb: begin -->\nkb\n<!-- gaia bench kb: end -->\n");
    DomainBenchReport report = report(new ProxyFigures(100, 300, 18_000, 500_000, 0),
        Optional.of(new ProxyFigures(60, 200, 20_000, 550_000, 0)));

    report.writeMarkdown(file);
    report.writeMarkdown(file);

    String md = Files.readString(file);
    assertThat(md).contains("<!-- gaia bench kb: begin -->\nkb\n<!-- gaia bench kb: end -->");
    assertThat(md.split("gaia bench domain: begin", -1)).hasSize(2);
    assertThat(md).contains("`nginx/1.22.1` (Debian package), 1 worker process", "| gateway | added latency p50",
        "- Note: a note");
  }

  @Test
  void nginx_config_proxies_to_the_stub_unbuffered_with_keepalive() {
    String conf = NginxProxy.config(Path.of("/tmp/p"), 8081, URI.create("http://127.0.0.1:9000"));

    assertThat(conf).contains("daemon off;", "worker_processes 1;", "server 127.0.0.1:9000; keepalive 64;",
        "listen 127.0.0.1:8081;", "proxy_http_version 1.1;", "proxy_buffering off;", "access_log off;",
        "pid /tmp/p/nginx.pid;");
  }

  @Test
  void events_are_counted_across_chunk_boundaries() {
    EventCounter counter = new EventCounter();
    counter.add(Buffer.buffer("data: a\n"));
    counter.add(Buffer.buffer("\ndata: b\n\nda"));
    counter.add(Buffer.buffer("ta: [DONE]\n\n\n"));

    assertThat(counter.events()).isEqualTo(3);
  }
}
