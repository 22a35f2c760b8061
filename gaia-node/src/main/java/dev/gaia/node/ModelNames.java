package dev.gaia.node;

import dev.gaia.protocol.GaiaException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the {@code model} field of a request. An absent or empty field means the node's model
 * (Gaia clients often omit it); any other unknown name is a 404 naming what is served.
 */
final class ModelNames {
  private final String canonical;
  private final Set<String> accepted = new LinkedHashSet<>();

  ModelNames(String canonical, List<String> aliases) {
    this.canonical = canonical;
    accepted.add(canonical);
    accepted.addAll(aliases);
  }

  String canonical() {
    return canonical;
  }

  /** The name to echo in the response: the client's own when it is one of ours. */
  String resolve(String requested) {
    if (requested == null || requested.isBlank()) {
      return canonical;
    }
    if (accepted.contains(requested)) {
      return requested;
    }
    throw GaiaException.notFound(
        "model",
        "The model '" + requested + "' does not exist on this node. Available: " + String.join(", ", accepted) + ".");
  }
}
