package dev.gaia.node.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a model file or knowledge snapshot comes from, as Gaia writes it: an {@code http(s)} URL
 * to download, or a path on this machine. A relative path is kept relative here; {@link NodeHome}
 * resolves it against the home folder.
 */
public sealed interface ResourceRef {

  /** The text as it appears in config.json. */
  String text();

  /** A file to download; always an absolute {@code http} or {@code https} URL. */
  record Remote(URI uri) implements ResourceRef {
    public Remote {
      Objects.requireNonNull(uri, "uri");
      String scheme = uri.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("not an http(s) URL: " + uri);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("URL has no host: " + uri);
      }
    }

    @Override
    public String text() {
      return uri.toString();
    }

    /** The last path segment, e.g. {@code Llama-3.2-3B-Instruct-Q5_K_M.gguf}. */
    public String fileName() {
      String path = uri.getPath() == null ? "" : uri.getPath();
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  /** A file already on this machine. */
  record Local(Path path) implements ResourceRef {
    public Local {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String text() {
      return path.toString();
    }
  }

  /**
   * Reads a Gaia resource value: blank means none; {@code http://} or {@code https://} a URL;
   * anything else a local path.
   *
   * @throws InvalidConfigException naming {@code field} when the URL or path is malformed
   */
  static Optional<ResourceRef> parse(String field, String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String lower = t.toLowerCase(Locale.ROOT);
    boolean http = lower.startsWith("http://") || lower.startsWith("https://");
    if (!http && lower.matches("^[a-z][a-z0-9+.-]+://.*")) {
      throw InvalidConfigException.of(
          field, "only http(s) URLs or local paths are supported, got \"" + t + "\"");
    }
    try {
      return Optional.of(http ? new Remote(new URI(t)) : new Local(Path.of(t)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw InvalidConfigException.of(
          field, "not a valid URL or path: \"" + t + "\" (" + e.getMessage() + ")");
    }
  }
}
