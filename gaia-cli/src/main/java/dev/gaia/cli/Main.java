package dev.gaia.cli;

import dev.gaia.protocol.GaiaException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Entry point of the {@code gaia} command and the one composition root: only this package reads
 * flags, environment variables and system properties, and wires the modules together.
 *
 * <p>The process always ends through {@link System#exit}: the JNI llama.cpp binding leaves a
 * non-daemon native thread behind after a model is closed (de.kherud/java-llama.cpp issue 116),
 * which would otherwise keep the JVM alive.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Lucene warns on every start when the Vector API module is not added; only nodes need it.
    java.util.logging.Logger lucene = java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");
    lucene.setLevel(java.util.logging.Level.SEVERE);
    int code = run(args, Environment.system());
    lucene.setLevel(null);
    System.exit(code);
  }

  static int run(String[] args, Environment env) {
    CommandLine cli = new CommandLine(new GaiaCommand(env));
    cli.setOut(env.out());
    cli.setErr(env.err());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof GaiaException g) {
            env.err().println("gaia: " + g.getMessage());
            env.err().flush();
            return 1;
          }
          throw e;
        });
    return cli.execute(args);
  }

  /**
   * What the process was started with. {@code gaiaHome} is {@code GAIA_HOME}; {@code launcher}
   * is the {@code ./gaia} script that started us, when known.
   */
  record Environment(
      Path userHome, Optional<Path> gaiaHome, Optional<Path> launcher, PrintWriter out, PrintWriter err) {
    static Environment system() {
      return new Environment(
          Path.of(System.getProperty("user.home")),
          Optional.ofNullable(System.getenv("GAIA_HOME")).filter(s -> !s.isBlank()).map(Path::of),
          Optional.ofNullable(System.getProperty("gaia.launcher")).map(Path::of),
          new PrintWriter(System.out, true),
          new PrintWriter(System.err, true));
    }
  }
}
