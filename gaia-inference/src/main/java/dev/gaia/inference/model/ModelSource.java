package dev.gaia.inference.model;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Where a model comes from: a file already on this machine, or an http(s) URL to download. */
public sealed interface ModelSource permits ModelSource.Local, ModelSource.Remote {

  /** The name the cache index files this source under: the absolute path or the full URL. */
  String key();

  /** The file name users know the model by, e.g. {@code Llama-3.2-1B-Q4_K_M.gguf}. */
  String fileName();

  /** A model file on this machine, held as an absolute, normalised path. */
  record Local(Path path) implements ModelSource {
    public Local {
      path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    }

    @Override
    public String key() {
      return path.toString();
    }

    @Override
    public String fileName() {
      return path.getFileName().toString();
    }
  }

  /** A model served over http or https. */
  record Remote(URI uri) implements ModelSource {
    public Remote {
      Objects.requireNonNull(uri, "uri");
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw GaiaException.invalid("source", "not an http(s) URL with a host: " + uri);
      }
    }

    @Override
    public String key() {
      return uri.toString();
    }

    /** The last path segment, percent-decoded; {@code model.gguf} when the path has none. */
    @Override
    public String fileName() {
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String last = path.substring(path.lastIndexOf('/') + 1);
      String decoded = URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
      return decoded.isBlank() || decoded.contains("/") ? "model.gguf" : decoded;
    }
  }

  /**
   * Reads what a user typed after {@code gaia model pull} or in a config's {@code chat} field: an
   * {@code http://} or {@code https://} URL, a {@code file:} URI, or a path to an existing file.
   * Fails with {@code INVALID_REQUEST} for other schemes ({@code ftp:}, {@code s3:}, ...) and with
   * {@code NOT_FOUND} when a local file does not exist.
   */
  static ModelSource parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.strip();
    if (s.isEmpty()) {
      throw GaiaException.invalid(
          "source", "empty model source: give an http(s) URL or a file path");
    }
    String scheme = schemeOf(s);
    if (scheme != null) {
      switch (scheme) {
        case "http", "https" -> {
          return new Remote(toUri(s));
        }
        case "file" -> {
          try {
            return existingLocal(Path.of(toUri(s)), s);
          } catch (IllegalArgumentException e) {
            throw GaiaException.invalid(
                "source", "not a usable file: URI: " + s + " (" + e.getMessage() + ")");
          }
        }
        default ->
            throw GaiaException.invalid(
                "source",
                "unsupported model source scheme '"
                    + scheme
                    + ":' in "
                    + s
                    + "; give an http(s) URL or a local file path");
      }
    }
    try {
      return existingLocal(Path.of(s), s);
    } catch (InvalidPathException e) {
      throw GaiaException.invalid(
          "source", "not a valid file path: " + s + " (" + e.getReason() + ")");
    }
  }

  private static Local existingLocal(Path path, String text) {
    Local local = new Local(path);
    if (!Files.isRegularFile(local.path())) {
      throw new GaiaException(
          ErrorKind.NOT_FOUND,
          "model file not found: "
              + local.path()
              + (text.equals(local.path().toString()) ? "" : " (from '" + text + "')")
              + "; give the path of an existing model file or an http(s) URL",
          "source",
          "model_not_found");
    }
    return local;
  }

  /** The lower-case scheme of two or more letters (so {@code C:} is none), or null. */
  private static String schemeOf(String s) {
    var m = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):").matcher(s);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private static URI toUri(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      throw GaiaException.invalid("source", "not a valid URL: " + s + " (" + e.getReason() + ")");
    }
  }
}
