package dev.gaia.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMedianTest {
  @Test
  void odd_count_takes_the_middle_value_whatever_the_order() {
    assertThat(Median.of(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
  }

  @Test
  void even_count_takes_the_mean_of_the_two_middle_values() {
    assertThat(Median.of(List.of(4.0, 1.0, 3.0, 100.0))).isEqualTo(3.5);
  }

  @Test
  void one_outlier_does_not_move_it() {
    assertThat(Median.of(List.of(50.0, 51.0, 3.0))).isEqualTo(50.0);
  }

  @Test
  void no_values_is_an_error() {
    assertThatThrownBy(() -> Median.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stream_rates_count_tokens_after_the_first() {
    // 300 prompt tokens in 1.5 s to the first token; 128 tokens, the last 2.54 s after the first.
    StreamSample s = new StreamSample(300, 128, 1_500_000_000L, 2_540_000_000L);

    assertThat(s.promptRate()).isEqualTo(200.0);
    assertThat(s.generationRate()).isEqualTo(50.0);
    assertThat(s.firstTokenMillis()).isEqualTo(1500.0);
  }

  @Test
  void memory_figures_come_from_proc_status_in_kib() {
    String status = "Name:\tjava\nVmRSS:\t  600000 kB\nRssAnon:\t  250000 kB\nRssFile:\t  350000 kB\n";

    MemoryUse m = MemoryUse.parse(status, 282_000_000L);

    assertThat(m.vmRss()).isEqualTo(600_000L * 1024);
    assertThat(m.rssFile()).isEqualTo(350_000L * 1024);
    assertThat(m.overModel()).isEqualTo(600_000L * 1024 - 282_000_000L);
  }
}
