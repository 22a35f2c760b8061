package dev.gaia.knowledge.load;

import dev.gaia.knowledge.ChunkerSettings;
import java.util.List;

/**
 * Which files to load and how strictly.
 *
 * @param include globs (see {@link FolderScanner}) a file under a folder root must match one of;
 *     empty takes every file
 * @param exclude globs that drop a file even when included
 * @param strict fail the whole load with the first errors instead of reporting and skipping them
 * @param csvHeader whether CSV files start with a header row naming the columns (Gaia's own CSV
 *     files have none)
 */
public record LoadSettings(List<String> include, List<String> exclude, boolean strict, boolean csvHeader) {
  public LoadSettings {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Every file, lenient, CSV without header. */
  public static LoadSettings defaults() {
    return new LoadSettings(List.of(), List.of(), false, false);
  }

  /**
   * Defaults, with a CSV header exactly when the chunker names a CSV column (like {@code
   * question}) instead of giving its index (like {@code 0}).
   */
  public static LoadSettings forChunker(ChunkerSettings chunker) {
    String source = chunker.csvSourceColumn();
    boolean named = !isIndex(chunker.csvEmbedColumn()) || !(source.isEmpty() || isIndex(source));
    return new LoadSettings(List.of(), List.of(), false, named);
  }

  public LoadSettings withStrict(boolean value) {
    return new LoadSettings(include, exclude, value, csvHeader);
  }

  public LoadSettings withGlobs(List<String> includeGlobs, List<String> excludeGlobs) {
    return new LoadSettings(includeGlobs, excludeGlobs, strict, csvHeader);
  }

  private static boolean isIndex(String column) {
    return !column.isEmpty() && column.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
