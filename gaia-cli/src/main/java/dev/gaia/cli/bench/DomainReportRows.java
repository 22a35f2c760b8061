package dev.gaia.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the domain figures into table rows with the targets: at most 0.3 ms added to the
 * p50 of a direct call, at least 0.8 of nginx's throughput and of its SSE events per second, and a
 * simulated p95 at most 0.5 of weighted random routing's. The p99 added and the direct figures
 * are reported without a target.
 */
final class DomainReportRows {
  static final List<String> HEADER = List.of("subject", "measure", "value", "vs baseline", "target", "result");
  static final double ADDED_P50_MAX_MICROS = 300;
  static final double NGINX_RATIO_MIN = 0.8;
  static final double P95_RATIO_MAX = 0.5;

  private DomainReportRows() {}

  static List<ReportRow> of(DomainBenchReport report) {
    ProxyFigures gw = report.gateway();
    ProxyFigures direct = report.direct();
    Optional<ProxyFigures> nginx = report.nginx();
    List<ReportRow> rows = new ArrayList<>();
    double added50 = gw.p50Micros() - direct.p50Micros();
    rows.add(new ReportRow("gateway", "added latency p50, 1 connection", signed(added50),
        "gateway " + Figures.latency(gw.p50Micros()) + " vs direct " + Figures.latency(direct.p50Micros())
            + nginx.map(n -> "; nginx adds " + signed(n.p50Micros() - direct.p50Micros())).orElse(""),
        "<= 0.300 ms", Verdict.atMost(added50, ADDED_P50_MAX_MICROS)));
    rows.add(new ReportRow("gateway", "added latency p99, 1 connection", signed(gw.p99Micros() - direct.p99Micros()),
        "gateway " + Figures.latency(gw.p99Micros()) + " vs direct " + Figures.latency(direct.p99Micros())
            + nginx.map(n -> "; nginx adds " + signed(n.p99Micros() - direct.p99Micros())).orElse(""),
        "", Verdict.INFO));
    String connections = report.settings().connections() + " connections";
    rows.add(vsNginx("throughput, JSON, " + connections, gw.requestsPerSecond(), direct.requestsPerSecond(),
        nginx.map(ProxyFigures::requestsPerSecond), "req/s"));
    String streams = "SSE passthrough, " + report.settings().streams() + " streams";
    rows.add(vsNginx(streams, gw.eventsPerSecond(), direct.eventsPerSecond(), nginx.map(ProxyFigures::eventsPerSecond),
        "events/s"));
    RoutingFigures r = report.routing();
    rows.add(new ReportRow("routing (simulated)", "p95 latency, least-loaded vs weighted random",
        Figures.latency(r.oursP95Millis() * 1000),
        Figures.ratio(r.ratio()) + " weighted random (" + Figures.latency(r.randomP95Millis() * 1000) + ")",
        "<= 0.50x", Verdict.atMost(r.ratio(), P95_RATIO_MAX)));
    rows.add(new ReportRow("routing", "TTFT of multi-turn chats, prefix affinity on vs off", "not measured",
        "no prefix-cache model to measure it against", "", Verdict.INFO));
    return rows;
  }

  private static ReportRow vsNginx(String measure, double gateway, double direct, Optional<Double> nginx, String unit) {
    String value = rate(gateway, unit);
    String directPart = "direct " + rate(direct, unit);
    if (nginx.isEmpty()) {
      return new ReportRow("gateway", measure, value, "nginx skipped; " + directPart, ">= 0.80x nginx", Verdict.INFO);
    }
    double ratio = gateway / nginx.get();
    return new ReportRow("gateway", measure, value,
        Figures.ratio(ratio) + " nginx (" + rate(nginx.get(), unit) + "); " + directPart,
        ">= 0.80x nginx", Verdict.atLeast(ratio, NGINX_RATIO_MIN));
  }

  private static String rate(double perSecond, String unit) {
    return String.format(Locale.ROOT, "%,.0f %s", perSecond, unit);
  }

  private static String signed(double micros) {
    return (micros >= 0 ? "+" : "-") + Figures.latency(Math.abs(micros));
  }
}
