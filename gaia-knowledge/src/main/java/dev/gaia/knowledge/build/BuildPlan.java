package dev.gaia.knowledge.build;

import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.load.LoadSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build.
 *
 * @param roots files and folders to read
 * @param output the {@code .gkb} to write (replaced atomically)
 * @param name the suggested serving name, recorded in the manifest
 * @param chunker how to cut documents (CSV files always go row by row)
 * @param load globs, strictness, CSV header handling
 * @param batchSize texts per embedding call
 * @param previous a package whose vectors may be reused for unchanged chunks; the output file
 *     itself by default, so rebuilding re-embeds only what changed
 */
public record BuildPlan(
    List<Path> roots,
    Path output,
    String name,
    ChunkerSettings chunker,
    LoadSettings load,
    int batchSize,
    Optional<Path> previous) {
  public BuildPlan {
    roots = List.copyOf(roots);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(chunker, "chunker");
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(previous, "previous");
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("nothing to build: give at least one file or folder");
    }
    if (batchSize < 1 || batchSize > 1024) {
      throw new IllegalArgumentException("batch size must be in [1, 1024], was " + batchSize);
    }
  }

  public static BuildPlan of(List<Path> roots, Path output, String name, ChunkerSettings chunker) {
    return new BuildPlan(roots, output, name, chunker, LoadSettings.forChunker(chunker), 32, Optional.of(output));
  }
}
