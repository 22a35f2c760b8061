package dev.gaia.knowledge.build;

import dev.gaia.knowledge.load.LoadProblem;
import java.util.List;

/** Progress of a build, reported on the building thread. */
public interface BuildProgress {
  /** Documents are read; {@code problems} lists every file skipped and why. */
  void loaded(int documents, int chunks, List<LoadProblem> problems);

  /** {@code done} of {@code total} chunks that need a new embedding have one. */
  void embedded(int done, int total);

  /** The index is being written. */
  void indexing();

  static BuildProgress silent() {
    return new BuildProgress() {
      @Override
      public void loaded(int documents, int chunks, List<LoadProblem> problems) {}

      @Override
      public void embedded(int done, int total) {}

      @Override
      public void indexing() {}
    };
  }
}
