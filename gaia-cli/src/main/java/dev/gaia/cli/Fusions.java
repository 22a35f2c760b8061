package dev.gaia.cli;

import dev.gaia.knowledge.Fusion;
import dev.gaia.protocol.GaiaException;

/** Fusion names on the command line. */
final class Fusions {
  private Fusions() {}

  static Fusion parse(String name) {
    try {
      return Fusion.named(name);
    } catch (IllegalArgumentException e) {
      throw GaiaException.invalid("fusion", "--fusion " + e.getMessage());
    }
  }
}
