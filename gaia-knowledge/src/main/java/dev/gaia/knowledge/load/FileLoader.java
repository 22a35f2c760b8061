package dev.gaia.knowledge.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.Hashes;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@link DocumentLoader}: picks a {@link FormatLoader} per file. Immutable, thread-safe. */
final class FileLoader implements DocumentLoader {
  /** How many problems a strict failure's message lists before "and N more". */
  private static final int LISTED_PROBLEMS = 5;

  private final LoadSettings settings;
  private final FolderScanner scanner;
  private final TextLoader text = new TextLoader();
  private final MarkdownLoader markdown = new MarkdownLoader();
  private final HtmlLoader html = new HtmlLoader();
  private final PdfLoader pdf = new PdfLoader();
  private final CsvLoader csv;
  private final JsonLinesLoader jsonLines;

  FileLoader(LoadSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.scanner = new FolderScanner(settings.include(), settings.exclude());
    this.csv = new CsvLoader(settings.csvHeader());
    this.jsonLines = new JsonLinesLoader(json);
  }

  @Override
  public Document load(Path file, String source) {
    try {
      return read(new SourceFile(file, source));
    } catch (Failure failure) {
      String code = failure.problem.kind().name().toLowerCase(Locale.ROOT);
      throw new GaiaException(ErrorKind.INVALID_REQUEST, failure.problem.toString(), "source", code);
    }
  }

  @Override
  public LoadResult loadAll(List<Path> roots) {
    FolderScanner.Scan scan = scanner.scan(roots);
    List<Document> documents = new ArrayList<>();
    List<LoadProblem> problems = new ArrayList<>(scan.problems());
    Set<String> seen = new HashSet<>();
    for (SourceFile file : scan.files()) {
      if (!seen.add(file.source())) {
        String reason = "an earlier root already gave a file of this name";
        problems.add(new LoadProblem(file.source(), LoadProblem.Kind.DUPLICATE, reason));
        continue;
      }
      try {
        Document document = read(file);
        if (document.blocks().isEmpty()) {
          problems.add(new LoadProblem(file.source(), LoadProblem.Kind.EMPTY, "no text"));
        } else {
          documents.add(document);
        }
      } catch (Failure failure) {
        problems.add(failure.problem);
      }
    }
    LoadResult result = new LoadResult(documents, problems);
    if (settings.strict() && !result.errors().isEmpty()) {
      throw strictFailure(result.errors());
    }
    return result;
  }

  private Document read(SourceFile file) throws Failure {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.path());
    } catch (IOException e) {
      String reason = "cannot read: " + e.getClass().getSimpleName();
      throw new Failure(new LoadProblem(file.source(), LoadProblem.Kind.UNREADABLE, reason));
    }
    String fileName = file.path().getFileName().toString();
    Optional<Format> format = Format.of(fileName, bytes);
    if (format.isEmpty()) {
      throw new Failure(
          new LoadProblem(
              file.source(),
              LoadProblem.Kind.UNSUPPORTED,
              "unsupported file type (known: " + String.join(", ", Format.knownExtensions()) + ")"));
    }
    FormatLoader.Parsed parsed;
    try {
      parsed = loader(format.get()).parse(bytes, fileName);
    } catch (UnreadableFile e) {
      throw new Failure(new LoadProblem(file.source(), LoadProblem.Kind.UNREADABLE, e.getMessage()));
    }
    String sha256 = HexFormat.of().formatHex(Hashes.sha256(bytes));
    return new Document(file.source(), parsed.title(), format.get().mediaType(), sha256, parsed.blocks());
  }

  private FormatLoader loader(Format format) {
    return switch (format) {
      case TEXT -> text;
      case MARKDOWN -> markdown;
      case HTML -> html;
      case PDF -> pdf;
      case CSV -> csv;
      case JSON_LINES -> jsonLines;
    };
  }

  private static GaiaException strictFailure(List<LoadProblem> errors) {
    String listed =
        errors.stream().limit(LISTED_PROBLEMS).map(LoadProblem::toString).collect(Collectors.joining("; "));
    String more = errors.size() > LISTED_PROBLEMS ? " and " + (errors.size() - LISTED_PROBLEMS) + " more" : "";
    return new GaiaException(
        ErrorKind.INVALID_REQUEST, "cannot load " + listed + more, "source", "unreadable_documents");
  }

  /** A file that gave no document; internal to this class's control flow. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient LoadProblem problem;

    Failure(LoadProblem problem) {
      super(problem.toString(), null, false, false);
      this.problem = problem;
    }
  }
}
