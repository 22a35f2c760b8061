package dev.gaia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs the gaia command in this JVM as {@link Main#main} would, minus {@code System.exit}, and
 * captures what it prints. The user's home is a scratch folder, so a test that forgets {@code
 * --home} never touches the real {@code ~/.gaia}.
 */
final class Cli {
  private static final Path USER_HOME = scratchUserHome();

  private Cli() {}

  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true)) {
      code = Main.run(args, new Main.Environment(USER_HOME, Optional.empty(), Optional.empty(), o, e));
    }
    return new Result(code, out.toString(), err.toString());
  }

  private static Path scratchUserHome() {
    try {
      return Files.createTempDirectory("gaia-cli-user-home");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
