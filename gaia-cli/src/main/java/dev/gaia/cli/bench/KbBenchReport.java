package dev.gaia.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@code gaia bench kb}: one part per section that ran, and where it ran.
 *
 * @param notes sections or comparisons skipped and why, in the order they were met
 */
public record KbBenchReport(MachineInfo machine, KbBenchSettings settings, Optional<RetrievalResult> retrieval,
    List<LatencyResult> latency, Optional<IngestResult> ingest, List<String> notes) {
  public KbBenchReport {
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(retrieval, "retrieval");
    latency = List.copyOf(latency);
    Objects.requireNonNull(ingest, "ingest");
    notes = List.copyOf(notes);
  }

  /** The results as an aligned plain-text table with ratios, targets and PASS/MISS. */
  public String table() {
    return ConsoleTable.render(KbReportRows.HEADER, KbReportRows.of(this));
  }

  /** Writes the results into {@code file}, replacing the section an earlier run wrote there. */
  public void writeMarkdown(Path file) {
    MarkdownSection.write(file, KbMarkdownSection.render(this), KbMarkdownSection.BEGIN, KbMarkdownSection.END);
  }
}
