package dev.gaia.node.config;

import dev.gaia.protocol.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A node's home folder and the files in it:
 *
 * <pre>
 * config.json      the configuration ({@link NodeConfigFile})
 * models/          downloaded GGUF files
 * knowledge/       knowledge snapshots and packages
 * logs/node.log    the node's log
 * run/             runtime state that a restart may discard (sockets, locks)
 * node.pid         the running node's process id
 * </pre>
 *
 * The default location is {@code ~/.gaia/node}. This class reads no environment variable or
 * system property: the CLI passes {@code --home} or {@code GAIA_HOME} as the override and the
 * user's home folder explicitly.
 *
 * @param root the home folder, absolute and normalised
 */
public record NodeHome(Path root) {
  public NodeHome {
    root = root.toAbsolutePath().normalize();
  }

  /**
   * The home folder to use: {@code override} when given (the CLI's {@code --home}, else {@code
   * GAIA_HOME}), else {@code userHome/.gaia/node}.
   */
  public static NodeHome locate(Optional<Path> override, Path userHome) {
    return new NodeHome(override.orElseGet(() -> userHome.resolve(".gaia").resolve("node")));
  }

  public Path configFile() {
    return root.resolve("config.json");
  }

  public Path modelsDir() {
    return root.resolve("models");
  }

  public Path knowledgeDir() {
    return root.resolve("knowledge");
  }

  public Path logsDir() {
    return root.resolve("logs");
  }

  public Path logFile() {
    return logsDir().resolve("node.log");
  }

  public Path runDir() {
    return root.resolve("run");
  }

  public Path pidFile() {
    return root.resolve("node.pid");
  }

  /** The config file of this home, for get/set. */
  public NodeConfigFile config() {
    return new NodeConfigFile(configFile());
  }

  /** Whether {@link #init} has written a config here. */
  public boolean initialised() {
    return Files.isRegularFile(configFile());
  }

  /**
   * A local resource as a path: absolute paths as they are, relative ones against the home folder
   * (Gaia presets name downloads relative to the node's folder).
   */
  public Path resolve(ResourceRef.Local local) {
    return root.resolve(local.path()).normalize();
  }

  /** Reads and validates this home's config.json. */
  public NodeConfig loadConfig() {
    return NodeConfigFile.load(configFile());
  }

  /**
   * Creates the folder layout and the config. With a source, the source is validated first and
   * then copied byte for byte (replacing any existing config), so a Gaia preset keeps its exact
   * text. Without one, an existing config is kept and validated, and a missing one is written
   * from {@link NodeConfig#defaults()}. Nothing is written when validation fails.
   *
   * @return the configuration now in place
   * @throws InvalidConfigException naming the source and field when the config is invalid
   */
  public NodeConfig init(Optional<ConfigSource> source) {
    NodeConfig config;
    if (source.isPresent()) {
      String text = text(source.get());
      String origin = origin(source.get());
      config = NodeConfigFile.parse(text, origin);
      createLayout();
      AtomicFiles.writeString(configFile(), text);
    } else if (initialised()) {
      config = loadConfig();
      createLayout();
    } else {
      config = NodeConfig.defaults();
      createLayout();
      NodeConfigFile.write(configFile(), config);
    }
    return config;
  }

  private void createLayout() {
    try {
      for (Path dir : new Path[] {root, modelsDir(), knowledgeDir(), logsDir(), runDir()}) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create node home " + root + ": " + e.getMessage(), e);
    }
  }

  private static String text(ConfigSource source) {
    return switch (source) {
      case ConfigSource.Text t -> t.json();
      case ConfigSource.FromFile f -> {
        try {
          yield Files.readString(f.path(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
          throw new InvalidConfigException(f.path().toString(), "no such file", e);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + f.path() + ": " + e.getMessage(), e);
        }
      }
    };
  }

  private static String origin(ConfigSource source) {
    return switch (source) {
      case ConfigSource.Text t -> t.origin();
      case ConfigSource.FromFile f -> f.path().toString();
    };
  }
}
