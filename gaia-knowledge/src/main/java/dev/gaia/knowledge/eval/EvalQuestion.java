package dev.gaia.knowledge.eval;

import java.util.List;
import java.util.Objects;

/** A question and the documents (sources) that answer it. */
public record EvalQuestion(String question, List<String> expectedSources) {
  public EvalQuestion {
    Objects.requireNonNull(question, "question");
    expectedSources = List.copyOf(expectedSources);
    if (question.isBlank() || expectedSources.isEmpty()) {
      throw new IllegalArgumentException("a question needs text and at least one expected source");
    }
  }
}
