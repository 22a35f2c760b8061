package dev.gaia.knowledge.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.knowledge.Document;
import dev.gaia.protocol.GaiaException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns files into {@link Document}s: plain text ({@code .txt}), Markdown ({@code .md}, {@code
 * .markdown}), HTML ({@code .html}, {@code .htm}), PDF ({@code .pdf}, or any file starting with
 * {@code %PDF-}), CSV ({@code .csv}, one block per row) and JSON Lines ({@code .jsonl}, one block
 * per object). Offsets follow {@link DocumentText}; {@link Document#sha256()} is the SHA-256 of
 * the file's bytes. Implementations are thread-safe.
 */
public interface DocumentLoader {

  /**
   * Loads one file. The document may have no blocks (a file with no text).
   *
   * @param source the name the document gets (the path relative to the build root)
   * @throws GaiaException (invalid request, naming {@code source}) when the format is not
   *     supported or the file cannot be read or parsed
   */
  Document load(Path file, String source);

  /**
   * Scans the roots with the settings' globs (see {@link FolderScanner}) and loads every file
   * found. Unsupported, unreadable and empty files are skipped and reported in the result, never
   * dropped silently.
   *
   * @throws GaiaException (invalid request, naming the files) in strict mode when any file is an
   *     error (see {@link LoadProblem#isError()}), or when a root does not exist
   */
  LoadResult loadAll(List<Path> roots);

  static DocumentLoader create(LoadSettings settings) {
    return new FileLoader(settings, new ObjectMapper());
  }
}
