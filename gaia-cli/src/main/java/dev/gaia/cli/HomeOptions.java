package dev.gaia.cli;

import dev.gaia.node.config.NodeHome;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --home DIR}: which node; else {@code GAIA_HOME}; else {@code ~/.gaia/node}. */
final class HomeOptions {
  @Option(names = "--home", paramLabel = "DIR", description = "Node home folder (default: $GAIA_HOME or ~/.gaia/node).")
  Path home;

  NodeHome resolve(Main.Environment env) {
    Optional<Path> override = Optional.ofNullable(home).or(env::gaiaHome);
    return NodeHome.locate(override.map(p -> p.toAbsolutePath().normalize()), env.userHome());
  }
}
