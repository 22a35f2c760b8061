package dev.gaia.knowledge.build;

import dev.gaia.knowledge.Manifest;
import dev.gaia.knowledge.load.LoadProblem;
import dev.gaia.protocol.content.ContentId;
import java.time.Duration;
import java.util.List;

/**
 * A finished build.
 *
 * @param embedded chunks embedded in this build
 * @param reused chunks whose vector came from the previous package (same text, same model)
 * @param embedTime wall time spent in the embedding model
 */
public record BuildResult(
    ContentId contentId,
    Manifest manifest,
    List<LoadProblem> problems,
    int embedded,
    int reused,
    Duration embedTime,
    Duration total) {
  public BuildResult {
    problems = List.copyOf(problems);
  }
}
