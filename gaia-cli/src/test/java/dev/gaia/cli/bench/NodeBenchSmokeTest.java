package dev.gaia.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.inference.llama.LlamaEngines;
import dev.gaia.testkit.SyntheticModelSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline (engine, node on port 0, HTTP streams, memory) on the tiny model, at tiny sizes. */
class NodeBenchSmokeTest {
  @TempDir Path dir;

  @Test
  void every_section_reports_positive_figures() {
    LlamaEngines.useNativeFolder(dir.resolve("native"));
    NodeBenchSettings settings = new NodeBenchSettings(
        List.of(new BenchModel("tiny", SyntheticModelSpec.tiny(), true)), dir, 2, 16, 4, 1, List.of(1, 2, 4), 8);
    StringWriter progress = new StringWriter();

    NodeBenchReport report =
        new NodeBench(settings, new PrintWriter(progress), "test").run(new MachineInfo(2, "cpu", "today", "jdk"));

    assertThat(report.models()).hasSize(1);
    ModelResult tiny = report.models().getFirst();
    for (SingleStreamResult s : List.of(tiny.inProcess(), tiny.http())) {
      assertThat(s.promptRate()).isPositive();
      assertThat(s.generationRate()).isPositive();
      assertThat(s.firstTokenMillis()).isPositive();
    }
    assertThat(tiny.concurrency()).extracting(ConcurrencyLevel::streams).containsExactly(1, 2, 4);
    assertThat(tiny.concurrency()).allSatisfy(l -> assertThat(l.aggregateRate()).isPositive());
    assertThat(tiny.memory().vmRss()).isPositive();
    assertThat(tiny.memory().modelBytes()).isPositive();
    assertThat(report.table())
        .contains("prompt, in-process", "generation, HTTP stream", "time to first SSE event, HTTP",
            "aggregate generation, 4 streams (HTTP)", "RSS minus model file");
    assertThat(ReportRows.of(report)).hasSize(11);
  }
}
