package dev.gaia.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code gaia}: the root of the command tree. */
@Command(
    name = "gaia",
    mixinStandardHelpOptions = true,
    versionProvider = GaiaCommand.Version.class,
    description = "Run a Gaia AI node: a local LLM served through an OpenAI-compatible API.",
    subcommands = {UpCommand.class, NodeCommand.class, ModelCommand.class, KbCommand.class, IdentityCommand.class, DomainCommand.class, BenchCommand.class})
final class GaiaCommand {
  final Main.Environment env;

  GaiaCommand(Main.Environment env) {
    this.env = env;
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = GaiaCommand.class.getResourceAsStream("/gaia-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "dev");
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gaia " + version()};
    }
  }
}
