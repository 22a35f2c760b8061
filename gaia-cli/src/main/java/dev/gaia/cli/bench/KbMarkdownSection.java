package dev.gaia.cli.bench;

import java.util.Locale;
import java.util.stream.Collectors;

/** {@code gaia bench kb}'s results as a Markdown section of {@code docs/benchmarks.md}. */
final class KbMarkdownSection {
  static final String BEGIN = "<!-- gaia bench kb: begin -->";
  static final String END = "<!-- gaia bench kb: end -->";

  private KbMarkdownSection() {}

  static String render(KbBenchReport report) {
    KbBenchSettings s = report.settings();
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append('\n');
    md.append("### `gaia bench kb` results\n\n");
    md.append("- Machine: ").append(report.machine().describe()).append('\n');
    s.retrieval().ifPresent(r -> md.append("- Retrieval: `").append(r.documents()).append("` built with the default embedder")
        .append(report.retrieval().map(x -> " (" + x.documents() + " documents, " + x.chunks() + " chunks)").orElse(""))
        .append(", questions `").append(r.questions()).append("`, k=").append(r.k()).append('\n'));
    s.latency().ifPresent(l -> md.append(String.format(Locale.ROOT,
        "- Latency: clustered %d-dim unit vectors, seed %d, sizes %s, %d queries each, one query thread;"
            + " ours M=16, efConstruction=100, ef=100 (Lucene HNSW through `ChunkIndex.search`)%s%n",
        l.dimension(), l.seed(), l.sizes().stream().map(Figures::count).collect(Collectors.joining(", ")), l.queries(),
        !l.pythons().isEmpty() ? "; hnswlib M=16, efConstruction=100, ef " + l.hnswlibEfs() : "")));
    report.latency().stream().flatMap(l -> l.hnswlib().stream()).findFirst().ifPresent(h -> md.append("- hnswlib ")
        .append(h.version()).append(" through Python, build and queries on one thread; ratios are ours / hnswlib\n"));
    s.ingest().ifPresent(i -> md.append(String.format(Locale.ROOT,
        "- Ingest: %d synthetic Markdown documents (seed %d), token chunker 256/32, batch %d, %d interleaved pairs (raw embedder, then full build), medians%n",
        i.documents(), i.seed(), i.batchSize(), i.repeats())));
    for (String note : report.notes()) {
      md.append("- Note: ").append(note).append('\n');
    }
    md.append('\n');
    md.append(MarkdownSection.table("Section", KbReportRows.of(report)));
    md.append(END).append('\n');
    return md.toString();
  }
}
