package dev.gaia.cli.bench;

import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.inference.llama.LlamaEngineConfig;
import dev.gaia.inference.llama.LlamaEngines;
import dev.gaia.node.NodeServer;
import dev.gaia.node.NodeServerConfig;
import dev.gaia.testkit.SyntheticModelSpec;
import dev.gaia.testkit.SyntheticModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gaia bench node}: per model, one engine load serving both the in-process baseline and a
 * real node on a loopback port, measured alternately (in-process, HTTP, in-process, HTTP, ...) so
 * that noise from other work on shared cores falls on both sides of each ratio alike.
 *
 * <p>The caller must have called {@link LlamaEngines#useNativeFolder} first.
 */
public final class NodeBench {
  private static final int WARMUP_TOKENS = 8;

  private final NodeBenchSettings settings;
  private final PrintWriter progress;
  private final String version;

  /**
   * @param progress where one line per step goes (stderr in the CLI)
   * @param version the node version the server reports
   */
  public NodeBench(NodeBenchSettings settings, PrintWriter progress, String version) {
    this.settings = settings;
    this.progress = progress;
    this.version = version;
  }

  public NodeBenchReport run(MachineInfo machine) {
    List<ModelResult> results = new ArrayList<>();
    for (BenchModel model : settings.models()) {
      results.add(measure(model));
    }
    return new NodeBenchReport(machine, settings, results);
  }

  private ModelResult measure(BenchModel model) {
    Path file = SyntheticModels.cached(model.spec(), settings.cacheDir());
    long modelBytes = size(file);
    int parallel = settings.parallelFor(model);
    say("%s: loading %s (%d MB, %d slot%s, %d threads)", model.name(), file.getFileName(), modelBytes / 1_000_000,
        parallel, parallel == 1 ? "" : "s", settings.threads());
    try (ChatEngine engine = LlamaEngines.jni(new LlamaEngineConfig(
            file, model.name(), null, GgufFile.read(file).architecture(), settings.contextPerSlot(), parallel,
            settings.threads(), 512, 512, Optional.empty()));
        NodeServer server = NodeServer.start(
            NodeServerConfig.loopback(),
            new NodeServer.NodeModels(Optional.of(engine), Optional.empty(), List.of()),
            Map.of(),
            version)) {
      PromptText prompts = new PromptText(engine);
      InProcessStream direct = new InProcessStream(engine);
      HttpStream http = new HttpStream(server.url(), model.name());
      long seed = 1;

      say("%s: warming up", model.name());
      direct.run(prompts.of(32, seed++), WARMUP_TOKENS);
      for (int i = 0; i < 3; i++) {
        http.run(prompts.of(32, seed++), WARMUP_TOKENS);
      }

      List<StreamSample> inProcess = new ArrayList<>();
      List<StreamSample> overHttp = new ArrayList<>();
      for (int r = 0; r < settings.repeats(); r++) {
        say("%s: single stream, run %d of %d", model.name(), r + 1, settings.repeats());
        inProcess.add(direct.run(prompts.of(settings.promptTokens(), seed++), settings.genTokens()));
        overHttp.add(http.run(prompts.of(settings.promptTokens(), seed++), settings.genTokens()));
      }

      List<ConcurrencyLevel> levels = model.concurrency() ? concurrency(model, prompts, http, seed) : List.of();
      MemoryUse memory = MemoryUse.ofThisProcess(modelBytes);
      int promptTokens = (int) Median.of(inProcess.stream().map(s -> (double) s.promptTokens()).toList());
      return new ModelResult(model.name(), describe(model.spec()), promptTokens,
          SingleStreamResult.medianOf(inProcess), SingleStreamResult.medianOf(overHttp), levels, memory);
    }
  }

  private List<ConcurrencyLevel> concurrency(BenchModel model, PromptText prompts, HttpStream http, long firstSeed) {
    ConcurrentStreams streams = new ConcurrentStreams(http);
    List<Integer> counts = settings.streamCounts();
    List<List<Double>> rates = new ArrayList<>();
    counts.forEach(c -> rates.add(new ArrayList<>()));
    long[] seed = {firstSeed};
    for (int r = 0; r < settings.repeats(); r++) {
      for (int i = 0; i < counts.size(); i++) {
        int n = counts.get(i);
        say("%s: %d concurrent stream%s, run %d of %d", model.name(), n, n == 1 ? "" : "s", r + 1, settings.repeats());
        rates.get(i).add(streams.aggregateRate(
            n, k -> prompts.of(settings.concurrencyPromptTokens(), seed[0]++), settings.genTokens()));
      }
    }
    List<ConcurrencyLevel> levels = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      levels.add(new ConcurrencyLevel(counts.get(i), Median.of(rates.get(i))));
    }
    return levels;
  }

  private static String describe(SyntheticModelSpec spec) {
    return String.format(Locale.ROOT, "%s: dim %d, %d layers, %d/%d heads, ffn %d, vocab %d, %s",
        spec.name(), spec.dim(), spec.layers(), spec.heads(), spec.kvHeads(), spec.ffn(), spec.vocabSize(),
        spec.tensorType());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void say(String format, Object... args) {
    progress.println(String.format(Locale.ROOT, format, args));
    progress.flush();
  }
}
