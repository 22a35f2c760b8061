package dev.gaia.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret that lets the local CLI change a running node (add or remove knowledge): a fresh
 * random token per node start, in {@code run/admin.token}, readable by the owner only.
 */
final class AdminToken {
  private AdminToken() {}

  static Path file(dev.gaia.node.config.NodeHome home) {
    return home.runDir().resolve("admin.token");
  }

  static String create(dev.gaia.node.config.NodeHome home, SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    write(file(home), token);
    return token;
  }

  /** Writes {@code token} to {@code f}, readable by the owner only, atomically. */
  static void write(Path f, String token) {
    try {
      Files.createDirectories(f.getParent());
      Path tmp = f.resolveSibling(".admin.token.tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, token);
      dev.gaia.protocol.files.AtomicFiles.move(tmp, f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
    }
  }

  static Optional<String> read(dev.gaia.node.config.NodeHome home) {
    try {
      Path f = file(home);
      return Files.isRegularFile(f) ? Optional.of(Files.readString(f).strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
