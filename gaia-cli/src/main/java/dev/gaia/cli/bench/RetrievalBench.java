package dev.gaia.cli.bench;

import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.build.BuildPlan;
import dev.gaia.knowledge.build.BuildProgress;
import dev.gaia.knowledge.build.BuildResult;
import dev.gaia.knowledge.build.KnowledgeBuilder;
import dev.gaia.knowledge.eval.EvalQuestion;
import dev.gaia.knowledge.eval.EvalReport;
import dev.gaia.knowledge.eval.RetrievalEval;
import dev.gaia.knowledge.index.IndexSettings;
import dev.gaia.knowledge.pack.GkbPackage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Builds the sample documents into a package with the embedder, runs the golden questions in
 * the three search modes, and times the embedding of one question at a time (what a RAG query
 * pays before the index is searched).
 */
final class RetrievalBench {
  private static final int WARM_UP_MAX = 20;

  private RetrievalBench() {}

  static RetrievalResult run(KbBenchSettings.Retrieval settings, EmbeddingEngine embedder, Path work) {
    Path out = work.resolve("samples.gkb");
    BuildPlan plan = BuildPlan.of(List.of(settings.documents()), out, "samples", ChunkerSettings.defaults());
    BuildResult built = new KnowledgeBuilder(embedder, IndexSettings.defaults(), Clock.systemUTC())
        .build(plan, BuildProgress.silent());
    List<EvalQuestion> questions = RetrievalEval.read(settings.questions());
    List<EvalReport> modes;
    try (KnowledgeBase kb = GkbPackage.open(out, work.resolve("extracted"), "samples")) {
      modes = new RetrievalEval(embedder).compare(kb, questions, settings.k());
    }
    int warmUp = Math.min(WARM_UP_MAX, settings.embedQueries());
    for (int i = 0; i < warmUp; i++) {
      embedder.embed(List.of(questions.get(i % questions.size()).question()));
    }
    long[] nanos = new long[settings.embedQueries()];
    for (int i = 0; i < nanos.length; i++) {
      List<String> one = List.of(questions.get(i % questions.size()).question());
      long t0 = System.nanoTime();
      embedder.embed(one);
      nanos[i] = System.nanoTime() - t0;
    }
    return new RetrievalResult(built.manifest().documents().size(), built.manifest().chunkCount(), modes,
        Percentiles.micros(nanos, 0.50), Percentiles.micros(nanos, 0.99), nanos.length);
  }
}
