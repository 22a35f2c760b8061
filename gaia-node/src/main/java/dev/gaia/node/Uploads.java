package dev.gaia.node;

import dev.gaia.knowledge.ChunkerSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where documents uploaded through the API live and what they become: files under
 * {@code root/files/<id>/}, and one knowledge base built from all of them, served as
 * {@code name} and kept at {@code root/<name>.gkb} so a restart serves it again.
 */
public record Uploads(Path root, String name, ChunkerSettings chunker) {
  public Uploads {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(chunker, "chunker");
  }

  public Path files() {
    return root.resolve("files");
  }

  public Path packageFile() {
    return root.resolve(name + ".gkb");
  }
}
