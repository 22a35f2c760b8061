package dev.gaia.knowledge.load;

import dev.gaia.knowledge.Document;
import java.util.List;

/**
 * What a load produced: the documents in scan order, and every file that gave none.
 *
 * @param documents loaded documents, none of them empty, sources unique
 * @param problems the skipped files in scan order, errors and empty files alike
 */
public record LoadResult(List<Document> documents, List<LoadProblem> problems) {
  public LoadResult {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }

  public List<LoadProblem> errors() {
    return problems.stream().filter(LoadProblem::isError).toList();
  }
}
