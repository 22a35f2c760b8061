package dev.gaia.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  @Test
  void ratios_have_two_decimals_and_a_dot_in_any_locale() {
    assertThat(Figures.ratio(0.9749)).isEqualTo("0.97x");
    assertThat(Figures.ratio(2)).isEqualTo("2.00x");
    assertThat(Figures.rate(48.25)).isEqualTo("48.3 tok/s");
    assertThat(Figures.megabytes(349_600_000L)).isEqualTo("350 MB");
  }

  @Test
  void http_ratios_are_against_in_process_and_pass_at_0_97() {
    List<ReportRow> rows = ReportRows.of(Reports.sample());

    ReportRow gen = row(rows, "generation, HTTP stream");
    assertThat(gen.comparison()).isEqualTo("0.98x of in-process");
    assertThat(gen.verdict()).isEqualTo(Verdict.PASS);
    ReportRow ttft = row(rows, "time to first SSE event, HTTP");
    assertThat(ttft.comparison()).startsWith("0.94x");
    assertThat(ttft.verdict()).isEqualTo(Verdict.MISS);
  }

  @Test
  void four_streams_are_held_to_twice_one_stream_and_two_streams_to_nothing() {
    List<ReportRow> rows = ReportRows.of(Reports.sample());

    assertThat(row(rows, "aggregate generation, 2 streams (HTTP)").verdict()).isEqualTo(Verdict.INFO);
    ReportRow four = row(rows, "aggregate generation, 4 streams (HTTP)");
    assertThat(four.comparison()).isEqualTo("1.75x of 1 stream");
    assertThat(four.verdict()).isEqualTo(Verdict.MISS);
  }

  @Test
  void memory_beyond_the_model_file_is_held_to_350_mb() {
    ReportRow over = row(ReportRows.of(Reports.sample()), "RSS minus model file");

    assertThat(over.value()).isEqualTo("318 MB");
    assertThat(over.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void console_table_aligns_columns_under_a_header() {
    String table = ConsoleTable.render(ReportRows.of(Reports.sample()));
    List<String> lines = table.lines().toList();

    assertThat(lines.get(0)).startsWith("model").contains("vs baseline").endsWith("result");
    assertThat(lines.get(1)).matches("-+");
    int valueColumn = lines.get(0).indexOf("value");
    assertThat(lines.subList(2, lines.size())).allSatisfy(l -> assertThat(l.charAt(valueColumn - 1)).isEqualTo(' '));
    assertThat(table).contains("PASS").contains("MISS");
  }

  private static ReportRow row(List<ReportRow> rows, String measure) {
    return rows.stream().filter(r -> r.measure().equals(measure)).findFirst().orElseThrow();
  }
}
