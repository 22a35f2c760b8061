package dev.gaia.cli;

import dev.gaia.node.config.NodeHome;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.identity.Kdf;
import dev.gaia.protocol.identity.Keystore;
import dev.gaia.protocol.identity.PassphraseSource;
import dev.gaia.protocol.identity.Signer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gaia identity new|show}: a home's secp256k1 key in an encrypted keystore
 * ({@code keystore.json}, Web3 Secret Storage v3). The address is the node's or user's id.
 */
@Command(name = "identity", description = "Create or show the key that identifies a node or user.",
    mixinStandardHelpOptions = true, subcommands = {IdentityCommand.New.class, IdentityCommand.Show.class})
final class IdentityCommand {
  @ParentCommand GaiaCommand root;

  static Path keystore(NodeHome home) {
    return home.root().resolve("keystore.json");
  }

  /** Where the passphrase comes from: a terminal prompt unless a variable or a file is named. */
  static final class Passphrase {
    @Option(names = "--passphrase-env", paramLabel = "VAR", description = "Read the passphrase from this environment variable.")
    String env;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from this file.")
    Path file;

    static PassphraseSource source(Passphrase p, String prompt) {
      if (p != null && p.env != null) {
        return PassphraseSource.environment(p.env);
      }
      if (p != null && p.file != null) {
        return new PassphraseSource.PassphraseFile(p.file);
      }
      return new PassphraseSource.Prompt(prompt);
    }
  }

  @Command(name = "new", description = "Create a new key, encrypted with a passphrase.")
  static final class New implements Callable<Integer> {
    @ParentCommand IdentityCommand parent;
    @Mixin HomeOptions home;
    @ArgGroup(exclusive = true) Passphrase passphrase;

    @Option(names = "--force", description = "Replace an existing keystore (the old key is lost unless backed up).")
    boolean force;

    @Override
    public Integer call() throws Exception {
      Main.Environment env = parent.root.env;
      NodeHome h = home.resolve(env);
      Path file = keystore(h);
      if (Files.exists(file) && !force) {
        throw new GaiaException(ErrorKind.INVALID_REQUEST,
            "a keystore already exists at " + file + " (address " + Keystore.read(file).address().map(Object::toString).orElse("?")
                + "); use --force to replace it", null, "keystore_exists");
      }
      char[] secret = Passphrase.source(passphrase, "New keystore passphrase: ").read();
      try {
        if (secret.length < 8) {
          throw GaiaException.invalid("passphrase", "the passphrase must have at least 8 characters");
        }
        Keystore keystore = Keystore.generate(secret, Kdf.Scrypt.STANDARD, new SecureRandom());
        Files.createDirectories(h.root());
        if (force) {
          Files.deleteIfExists(file);
        }
        keystore.write(file);
        env.out().println("address  " + keystore.address().orElseThrow());
        env.out().println("keystore " + file + " (encrypted; keep a backup and the passphrase)");
      } finally {
        Arrays.fill(secret, '\0');
      }
      return 0;
    }
  }

  @Command(name = "show", description = "Print the address; with a passphrase source, also check it unlocks.")
  static final class Show implements Callable<Integer> {
    @ParentCommand IdentityCommand parent;
    @Mixin HomeOptions home;
    @ArgGroup(exclusive = true) Passphrase passphrase;

    @Override
    public Integer call() {
      Main.Environment env = parent.root.env;
      Path file = keystore(home.resolve(env));
      if (!Files.isRegularFile(file)) {
        throw GaiaException.notFound("keystore", "no keystore at " + file + "; create one with 'gaia identity new'");
      }
      Keystore keystore = Keystore.read(file);
      env.out().println("address  " + keystore.address().map(Object::toString).orElse("(not recorded in the file)"));
      env.out().println("keystore " + file);
      if (passphrase != null) {
        char[] secret = Passphrase.source(passphrase, "Keystore passphrase: ").read();
        try {
          Signer signer = keystore.unlock(secret);
          env.out().println("unlocks  yes (" + signer.address() + ")");
        } finally {
          Arrays.fill(secret, '\0');
        }
      }
      return 0;
    }
  }
}
