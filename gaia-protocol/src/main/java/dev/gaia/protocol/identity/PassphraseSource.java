package dev.gaia.protocol.identity;

import dev.gaia.protocol.GaiaException;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a keystore passphrase comes from. The CLI picks one from its flags; library code never
 * reads the environment or a terminal except through the source it is handed. Each {@link #read}
 * returns a fresh array the caller should zero after use. Fails with INVALID_REQUEST (code {@code
 * passphrase_unavailable}) when the source has no passphrase to give.
 */
public sealed interface PassphraseSource {
  char[] read();

  /** Asks on the process's terminal without echo; fails when there is no terminal. */
  record Prompt(String prompt) implements PassphraseSource {
    public Prompt {
      Objects.requireNonNull(prompt, "prompt");
    }

    @Override
    public char[] read() {
      Console console = System.console();
      char[] answer = console == null ? null : console.readPassword("%s", prompt);
      if (answer == null) {
        throw unavailable("no terminal to ask for the passphrase on; use a passphrase file or environment variable");
      }
      return answer;
    }
  }

  /**
   * The value of environment variable {@code name} in {@code environment}; build it with {@link
   * #environment(String)} to read the process's own environment.
   */
  record EnvironmentVariable(String name, Map<String, String> environment) implements PassphraseSource {
    public EnvironmentVariable {
      Objects.requireNonNull(name, "name");
      environment = Map.copyOf(environment);
    }

    @Override
    public char[] read() {
      String value = environment.get(name);
      if (value == null || value.isEmpty()) {
        throw unavailable("environment variable " + name + " is not set or empty");
      }
      return value.toCharArray();
    }

    @Override
    public String toString() {
      return "EnvironmentVariable[" + name + "]"; // never the environment's values
    }
  }

  /** The content of a file, UTF-8, without one trailing line break ({@code \n} or {@code \r\n}). */
  record PassphraseFile(Path path) implements PassphraseSource {
    public PassphraseFile {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public char[] read() {
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw unavailable("cannot read passphrase file " + path + ": " + e.getMessage());
      }
      if (text.endsWith("\r\n")) {
        text = text.substring(0, text.length() - 2);
      } else if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      }
      if (text.isEmpty()) {
        throw unavailable("passphrase file " + path + " is empty");
      }
      return text.toCharArray();
    }
  }

  /** Reads variable {@code name} from this process's environment (the CLI's choice to make). */
  static PassphraseSource environment(String name) {
    return new EnvironmentVariable(name, System.getenv());
  }

  private static GaiaException unavailable(String message) {
    return new GaiaException(
        dev.gaia.protocol.ErrorKind.INVALID_REQUEST, message, null, "passphrase_unavailable");
  }
}
