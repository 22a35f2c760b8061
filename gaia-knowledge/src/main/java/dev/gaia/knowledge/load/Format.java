package dev.gaia.knowledge.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats a knowledge base is built from, recognised by extension (PDF also by content). */
enum Format {
  TEXT("text/plain", "txt", "text"),
  MARKDOWN("text/markdown", "md", "markdown"),
  HTML("text/html", "html", "htm"),
  PDF("application/pdf", "pdf"),
  CSV("text/csv", "csv"),
  JSON_LINES("application/jsonl", "jsonl");

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private final String mediaType;
  private final List<String> extensions;

  Format(String mediaType, String... extensions) {
    this.mediaType = mediaType;
    this.extensions = List.of(extensions);
  }

  String mediaType() {
    return mediaType;
  }

  /** The extensions, lower case, without dots, for messages. */
  static List<String> knownExtensions() {
    return Arrays.stream(values()).flatMap(f -> f.extensions.stream()).toList();
  }

  /**
   * The format of a file by its extension (case-insensitive); a file with an unknown extension or
   * none that starts with {@code %PDF-} is a PDF.
   */
  static Optional<Format> of(String fileName, byte[] bytes) {
    int dot = fileName.lastIndexOf('.');
    if (dot > 0) {
      String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
      for (Format format : values()) {
        if (format.extensions.contains(extension)) {
          return Optional.of(format);
        }
      }
    }
    if (bytes.length >= PDF_MAGIC.length
        && Arrays.equals(bytes, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }
}
