package dev.gaia.knowledge.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.knowledge.Fusion;
import dev.gaia.knowledge.Hit;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.Query;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recall@k and mean reciprocal rank of a question set against a knowledge base, ranking
 * documents (a chunk's source) rather than chunks: a question is answered when a chunk of an
 * expected document is retrieved.
 */
public final class RetrievalEval {
  private final EmbeddingEngine embedder;

  public RetrievalEval(EmbeddingEngine embedder) {
    this.embedder = embedder;
  }

  /** Questions as JSON Lines: {@code {"question": "...", "expected_sources": ["a.md", ...]}}. */
  public static List<EvalQuestion> read(Path jsonl) {
    ObjectMapper json = new ObjectMapper();
    List<EvalQuestion> out = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(jsonl);
    } catch (IOException e) {
      throw new GaiaException(ErrorKind.NOT_FOUND, "cannot read " + jsonl + ": " + e.getMessage());
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode n = json.readTree(line);
        List<String> expected = new ArrayList<>();
        n.path("expected_sources").forEach(s -> expected.add(s.asText()));
        out.add(new EvalQuestion(n.path("question").asText(""), expected));
      } catch (IOException | IllegalArgumentException e) {
        throw new GaiaException(ErrorKind.INVALID_REQUEST,
            jsonl + ": line " + (i + 1) + ": " + e.getMessage(), "questions", "invalid_question");
      }
    }
    if (out.isEmpty()) {
      throw new GaiaException(ErrorKind.INVALID_REQUEST, jsonl + " has no questions", "questions", "invalid_question");
    }
    return out;
  }

  public EvalReport run(KnowledgeBase kb, List<EvalQuestion> questions, String mode, Fusion fusion, int k) {
    List<float[]> vectors = embedder.embed(questions.stream().map(EvalQuestion::question).toList()).vectors();
    int found = 0;
    double reciprocal = 0;
    List<String> misses = new ArrayList<>();
    for (int q = 0; q < questions.size(); q++) {
      EvalQuestion question = questions.get(q);
      // Over-fetch chunks: several chunks of one document count once.
      List<Hit> hits = kb.search(new Query(question.question(), vectors.get(q), Math.min(1000, k * 8), 0, fusion));
      Set<String> documents = new LinkedHashSet<>();
      for (Hit h : hits) {
        documents.add(h.chunk().source());
      }
      int rank = 0;
      int first = 0;
      for (String d : documents) {
        rank++;
        if (question.expectedSources().contains(d)) {
          first = rank;
          break;
        }
      }
      if (first > 0 && first <= k) {
        found++;
      } else {
        misses.add(question.question());
      }
      if (first > 0) {
        reciprocal += 1.0 / first;
      }
    }
    return new EvalReport(mode, k, questions.size(), (double) found / questions.size(), reciprocal / questions.size(), misses);
  }

  /** Vector-only, keyword-only and hybrid (RRF) side by side. */
  public List<EvalReport> compare(KnowledgeBase kb, List<EvalQuestion> questions, int k) {
    return List.of(
        run(kb, questions, "vector", new Fusion.VectorOnly(), k),
        run(kb, questions, "bm25", new Fusion.KeywordOnly(), k),
        run(kb, questions, "hybrid-rrf", Fusion.defaults(), k));
  }
}
