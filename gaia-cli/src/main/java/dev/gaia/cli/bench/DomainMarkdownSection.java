package dev.gaia.cli.bench;

import java.util.Locale;

/** {@code gaia bench domain}'s results as a Markdown section of {@code docs/benchmarks.md}. */
final class DomainMarkdownSection {
  static final String BEGIN = "<!-- gaia bench domain: begin -->";
  static final String END = "<!-- gaia bench domain: end -->";

  private DomainMarkdownSection() {}

  static String render(DomainBenchReport report) {
    DomainBenchSettings s = report.settings();
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append('\n');
    md.append("### `gaia bench domain` results\n\n");
    md.append("- Machine: ").append(report.machine().describe()).append('\n');
    md.append("- Reverse proxy baseline: ").append(report.nginxVersion().map(v -> "`" + v + "` (Debian package), "
        + "1 worker process, keepalive 64 to the upstream, `proxy_http_version 1.1`, `proxy_buffering off`, no access log")
        .orElse("nginx skipped")).append('\n');
    md.append(String.format(Locale.ROOT,
        "- Settings: %d interleaved rounds of %.1f s per case; latency at 1 connection; throughput at %d connections;"
            + " SSE with %d concurrent streams of %d chunks + usage + `[DONE]`; the gateway routes to one stub node,"
            + " open domain (no key check), least-loaded router%n",
        s.rounds(), s.perCase().toMillis() / 1000.0, s.connections(), s.streams(), s.events()));
    md.append("- Routing (simulated, not measured): ").append(report.routing().scenario()).append('\n');
    for (String note : report.notes()) {
      md.append("- Note: ").append(note).append('\n');
    }
    md.append('\n');
    md.append(MarkdownSection.table("Subject", DomainReportRows.of(report)));
    md.append(END).append('\n');
    return md.toString();
  }
}
