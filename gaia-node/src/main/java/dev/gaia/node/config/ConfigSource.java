package dev.gaia.node.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A config.json to start a node home from ({@code gaia init --config ...}). A URL is fetched by
 * the caller and passed as {@link Text}, so this package never touches the network.
 */
public sealed interface ConfigSource {

  /** A config.json on this machine. */
  record FromFile(Path path) implements ConfigSource {
    public FromFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * config.json text obtained elsewhere.
   *
   * @param origin where it came from (e.g. the URL), used in error messages
   */
  record Text(String json, String origin) implements ConfigSource {
    public Text {
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
