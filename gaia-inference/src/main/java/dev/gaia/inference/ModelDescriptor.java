package dev.gaia.inference;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded model as reported by {@code /v1/models} and {@code /v1/info}.
 *
 * @param id the name clients use in the {@code model} field
 * @param file the GGUF file (or a synthetic path for in-process models)
 * @param sha256 hex SHA-256 of the file, when known
 * @param sizeBytes file size in bytes
 * @param architecture GGUF {@code general.architecture}, e.g. {@code llama}
 * @param contextSize tokens per slot context
 * @param chatTemplate the template source in use (GGUF Jinja or a named override)
 */
public record ModelDescriptor(
    String id,
    Path file,
    String sha256,
    long sizeBytes,
    String architecture,
    int contextSize,
    String chatTemplate) {
  public ModelDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(architecture, "architecture");
  }

  public Optional<String> sha256Hex() {
    return Optional.ofNullable(sha256);
  }
}
