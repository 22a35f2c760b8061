package dev.gaia.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@code gaia bench domain}.
 *
 * @param nginx nginx's figures and version, when it ran
 * @param notes comparisons skipped and why, errors seen
 */
public record DomainBenchReport(MachineInfo machine, DomainBenchSettings settings, ProxyFigures direct,
    ProxyFigures gateway, Optional<ProxyFigures> nginx, Optional<String> nginxVersion, RoutingFigures routing,
    List<String> notes) {
  public DomainBenchReport {
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(direct, "direct");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(nginx, "nginx");
    Objects.requireNonNull(nginxVersion, "nginxVersion");
    Objects.requireNonNull(routing, "routing");
    notes = List.copyOf(notes);
  }

  /** The results as an aligned plain-text table with ratios, targets and PASS/MISS. */
  public String table() {
    return ConsoleTable.render(DomainReportRows.HEADER, DomainReportRows.of(this));
  }

  /** Writes the results into {@code file}, replacing the section an earlier run wrote there. */
  public void writeMarkdown(Path file) {
    MarkdownSection.write(file, DomainMarkdownSection.render(this), DomainMarkdownSection.BEGIN, DomainMarkdownSection.END);
  }
}
