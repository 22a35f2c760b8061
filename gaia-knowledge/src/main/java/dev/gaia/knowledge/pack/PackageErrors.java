package dev.gaia.knowledge.pack;

import dev.gaia.knowledge.Manifest;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.nio.file.Path;

/** The failures a package reader reports; messages name the file and are safe to show. */
final class PackageErrors {
  private PackageErrors() {}

  static GaiaException corrupt(Path gkb, String why, Throwable cause) {
    return new GaiaException(
        ErrorKind.INVALID_REQUEST,
        "knowledge base package " + gkb.getFileName() + " is damaged or incomplete: " + why,
        "knowledge_base", "corrupt_package", null, cause);
  }

  static GaiaException corrupt(Path gkb, String why) {
    return corrupt(gkb, why, null);
  }

  static GaiaException unsupportedVersion(Path gkb, int found) {
    String advice = found > Manifest.FORMAT_VERSION ? ": upgrade Gaia to read it" : "";
    return new GaiaException(
        ErrorKind.INVALID_REQUEST,
        "knowledge base package " + gkb.getFileName() + " has format version " + found
            + ", this Gaia reads format version " + Manifest.FORMAT_VERSION + advice,
        "knowledge_base", "unsupported_format_version");
  }
}
