package dev.gaia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.Manifest;
import dev.gaia.knowledge.Query;
import dev.gaia.knowledge.build.BuildPlan;
import dev.gaia.knowledge.build.BuildProgress;
import dev.gaia.knowledge.build.BuildResult;
import dev.gaia.knowledge.build.KnowledgeBuilder;
import dev.gaia.knowledge.eval.EvalReport;
import dev.gaia.knowledge.eval.RetrievalEval;
import dev.gaia.knowledge.index.IndexSettings;
import dev.gaia.knowledge.load.LoadProblem;
import dev.gaia.knowledge.load.LoadSettings;
import dev.gaia.knowledge.pack.GkbPackage;
import dev.gaia.protocol.GaiaException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gaia kb build|info|query|eval}: knowledge base packages. */
@Command(name = "kb", description = "Build, inspect, query and evaluate knowledge base packages (.gkb).",
    mixinStandardHelpOptions = true,
    subcommands = {KbCommand.Build.class, KbCommand.Info.class, KbCommand.QueryCommand.class, KbCommand.Eval.class})
final class KbCommand {
  @ParentCommand GaiaCommand root;

  /** Options naming the embedding model, shared by every kb command that embeds. */
  static final class EmbeddingOption {
    @Option(names = "--embedding", paramLabel = "MODEL",
        description = "all-MiniLM-L6-v2 (bundled, default) or a GGUF embedding model path/URL (e.g. nomic-embed-text).")
    String embedding = "";

    @Option(names = "--embedding-ctx", paramLabel = "N", description = "Context of a GGUF embedding model (default 512).")
    int contextSize = 512;

    @Mixin HomeOptions home;
  }

  static <T> T withEmbedder(Main.Environment env, EmbeddingOption option, java.util.function.Function<EmbeddingEngine, T> work) {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    var h = option.home.resolve(env);
    EmbeddingEngine embedder = Embedders.open(option.embedding, "", option.contextSize,
        Math.max(1, Runtime.getRuntime().availableProcessors()), h.modelsDir(),
        h.runDir().resolve("native-" + ProcessHandle.current().pid()), env.err(), pool);
    try {
      return work.apply(embedder);
    } finally {
      embedder.close();
      pool.shutdownNow();
      NativeFolders.delete(h.runDir().resolve("native-" + ProcessHandle.current().pid()));
    }
  }

  /** Opens {@code file} (extracted under the home) with a compatible embedder, for one piece of work. */
  static <T> T withKnowledgeBase(Main.Environment env, EmbeddingOption option, Path file, Manifest m,
      java.util.function.BiFunction<EmbeddingEngine, KnowledgeBase, T> work) {
    var h = option.home.resolve(env);
    if (Embedders.bundled(option.embedding) && !Embedders.bundled(m.embeddingModel())) {
      throw GaiaException.invalid("embedding", file + " was embedded with " + m.embeddingModel()
          + "; pass --embedding with that GGUF model's path or URL");
    }
    return withEmbedder(env, option, embedder -> {
      GkbPackage.requireCompatible(m, embedder.modelId(), embedder.dimension());
      try (KnowledgeBase kb = GkbPackage.open(file, h.knowledgeDir().resolve("extracted"), m.name())) {
        return work.apply(embedder, kb);
      }
    });
  }

  @Command(name = "build", description = "Build a .gkb from files and folders (incremental when OUT exists).")
  static final class Build implements Callable<Integer> {
    @ParentCommand KbCommand parent;
    @Mixin EmbeddingOption embedding;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Files and folders (text, Markdown, HTML, PDF, CSV, JSONL).")
    List<Path> sources;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .gkb to write.")
    Path out;

    @Option(names = "--name", description = "Name to serve it under (default: the output file's name).")
    String name;

    @Option(names = "--chunker", paramLabel = "KIND", description = "paragraph, markdown, tokens (default) or csv.")
    String chunker = "tokens";

    @Option(names = "--max-tokens", description = "Chunk size in tokens (default 256).")
    int maxTokens = 256;

    @Option(names = "--overlap", description = "Overlap between token windows (default 32).")
    int overlap = 32;

    @Option(names = "--heading-level", description = "Deepest Markdown heading that starts a chunk (default 2).")
    int headingLevel = 2;

    @Option(names = "--csv-embed-column", description = "CSV column to embed, index or header name (default 0).")
    String csvEmbed = "0";

    @Option(names = "--csv-source-column", description = "CSV column returned as the passage (default 1).")
    String csvSource = "1";

    @Option(names = "--include", paramLabel = "GLOB", description = "Only files matching (repeatable).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files matching (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--strict", description = "Fail on the first file that cannot be read instead of skipping it.")
    boolean strict;

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      ChunkerSettings settings;
      try {
        settings = new ChunkerSettings(ChunkerSettings.Kind.parse(chunker), maxTokens, overlap, headingLevel, csvEmbed, csvSource);
      } catch (IllegalArgumentException e) {
        throw GaiaException.invalid("chunker", e.getMessage());
      }
      for (Path s : sources) {
        if (!Files.exists(s)) {
          throw GaiaException.notFound("sources", "no such file or folder: " + s);
        }
      }
      String kbName = name != null ? name : KnowledgeBuilder.defaultName(out);
      LoadSettings load = LoadSettings.forChunker(settings).withStrict(strict).withGlobs(include, exclude);
      BuildPlan plan = new BuildPlan(sources, out, kbName, settings, load, 32, Optional.of(out));
      BuildResult r = withEmbedder(env, embedding, embedder ->
          new KnowledgeBuilder(embedder, IndexSettings.defaults(), Clock.systemUTC())
              .build(plan, new BarProgress(env.err(), System.console() != null)));
      for (LoadProblem p : r.problems()) {
        env.err().println("skipped " + p);
      }
      env.out().printf("%s: %d documents, %d chunks (%d embedded, %d reused) in %.1f s%n",
          out, r.manifest().documents().size(), r.manifest().chunkCount(), r.embedded(), r.reused(),
          r.total().toMillis() / 1000.0);
      env.out().println("content id " + r.contentId());
      return 0;
    }
  }

  /** A progress bar with an ETA over the chunks that need embedding. */
  static final class BarProgress implements BuildProgress {
    private final PrintWriter err;
    private final boolean interactive;
    private ProgressBar bar;

    BarProgress(PrintWriter err, boolean interactive) {
      this.err = err;
      this.interactive = interactive;
    }

    @Override
    public void loaded(int documents, int chunks, List<LoadProblem> problems) {
      err.println("Read " + documents + " documents into " + chunks + " chunks"
          + (problems.isEmpty() ? "" : "; " + problems.size() + " files skipped"));
    }

    @Override
    public void embedded(int done, int total) {
      if (total == 0) {
        return;
      }
      if (bar == null) {
        bar = new ProgressBarBuilder().setTaskName("Embedding").setInitialMax(total).setUnit(" chunks", 1)
            .setStyle(ProgressBarStyle.ASCII).showSpeed().continuousUpdate()
            .setConsumer(interactive ? new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)
                : new me.tongfei.progressbar.DelegatingProgressBarConsumer(err::println))
            .build();
      }
      bar.stepTo(done);
      if (done == total) {
        bar.close();
      }
    }

    @Override
    public void indexing() {
      err.println("Indexing and packaging...");
    }
  }

  @Command(name = "info", description = "Show a package's manifest.")
  static final class Info implements Callable<Integer> {
    @ParentCommand KbCommand parent;
    @Parameters(paramLabel = "FILE") Path file;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.root.env;
      Manifest m = GkbPackage.readManifest(file);
      env.out().println("file:            " + file);
      env.out().println("content id:      " + GkbPackage.readContentId(file));
      env.out().println("format version:  " + m.formatVersion());
      env.out().println("name:            " + m.name());
      env.out().println("embedding model: " + m.embeddingModel() + " (" + m.dimension() + " dimensions" + (m.normalized() ? ", normalised" : "") + ")");
      env.out().println("chunker:         " + m.chunker().kind().wire() + " (max " + m.chunker().maxTokens() + " tokens, overlap " + m.chunker().overlapTokens() + ")");
      env.out().println("documents:       " + m.documents().size());
      env.out().println("chunks:          " + m.chunkCount());
      env.out().println("created:         " + m.createdAt());
      for (Manifest.DocumentEntry d : m.documents()) {
        env.out().printf("  %-40s %4d chunks  %s  %s%n", d.source(), d.chunks(), d.mediaType(), d.sha256().substring(0, 12));
      }
      return 0;
    }
  }

  @Command(name = "query", description = "Search a package from the command line.")
  static final class QueryCommand implements Callable<Integer> {
    @ParentCommand KbCommand parent;
    @Mixin EmbeddingOption embedding;
    @Parameters(index = "0", paramLabel = "FILE") Path file;
    @Parameters(index = "1", paramLabel = "QUESTION") String question;

    @Option(names = "--limit", description = "Passages to show (default 5).")
    int limit = 5;

    @Option(names = "--fusion", description = "rrf (default), weighted, vector or keyword.")
    String fusion = "rrf";

    @Option(names = "--json", description = "Print the hits as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.root.env;
      Manifest m = GkbPackage.readManifest(file);
      List<Hit> hits = withKnowledgeBase(env, embedding, file, m, (embedder, kb) -> {
        float[] v = embedder.embed(List.of(question)).vectors().getFirst();
        return kb.search(new Query(question, v, limit, 0, Fusions.parse(fusion)));
      });
      if (json) {
        env.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(hits));
        return 0;
      }
      int i = 1;
      for (Hit hit : hits) {
        var c = hit.chunk();
        env.out().printf("%d. %.3f  %s%s%s%n", i++, hit.score(), c.source(),
            c.headings().isEmpty() ? "" : "  › " + String.join(" › ", c.headings()),
            c.page() > 0 ? "  (page " + c.page() + ")" : "");
        String text = c.text().strip().replaceAll("\\s+", " ");
        env.out().println("   " + (text.length() > 240 ? text.substring(0, 240) + "…" : text));
      }
      return 0;
    }
  }

  @Command(name = "eval", description = "Recall@k and MRR of a question set (JSONL: question, expected_sources).")
  static final class Eval implements Callable<Integer> {
    @ParentCommand KbCommand parent;
    @Mixin EmbeddingOption embedding;
    @Parameters(index = "0", paramLabel = "FILE") Path file;
    @Parameters(index = "1", paramLabel = "QUESTIONS") Path questions;

    @Option(names = "-k", description = "Cut-off for recall (default 5).")
    int k = 5;

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      Manifest m = GkbPackage.readManifest(file);
      var set = RetrievalEval.read(questions);
      List<EvalReport> reports = withKnowledgeBase(env, embedding, file, m,
          (embedder, kb) -> new RetrievalEval(embedder).compare(kb, set, k));
      env.out().printf("%d questions, k=%d%n", set.size(), k);
      env.out().printf("%-12s %10s %8s%n", "mode", "recall@" + k, "MRR");
      for (EvalReport r : reports) {
        env.out().printf("%-12s %10.3f %8.3f%n", r.mode(), r.recallAtK(), r.mrr());
      }
      EvalReport hybrid = reports.getLast();
      if (!hybrid.misses().isEmpty()) {
        env.out().println("missed by hybrid:");
        hybrid.misses().forEach(q -> env.out().println("  - " + q));
      }
      return 0;
    }
  }
}
