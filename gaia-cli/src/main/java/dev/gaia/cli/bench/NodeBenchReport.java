package dev.gaia.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The outcome of {@code gaia bench node}: one result per model, and where it ran. */
public record NodeBenchReport(MachineInfo machine, NodeBenchSettings settings, List<ModelResult> models) {
  public NodeBenchReport {
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(settings, "settings");
    models = List.copyOf(models);
  }

  /** The results as an aligned plain-text table with ratios, targets and PASS/MISS. */
  public String table() {
    return ConsoleTable.render(ReportRows.of(this));
  }

  /** Writes the results into {@code file}, replacing the section an earlier run wrote there. */
  public void writeMarkdown(Path file) {
    MarkdownSection.write(file, this);
  }
}
