package dev.gaia.node;

import dev.gaia.knowledge.KnowledgeBase;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a node needs to serve knowledge: the shelf of loaded bases, the retrieval defaults, a way
 * to open a {@code .gkb} package for hot adds, and the token that guards the admin endpoints
 * (empty: admin endpoints are off), and where API uploads go (empty: the upload endpoints are
 * off).
 */
public record KnowledgeServing(
    KnowledgeShelf shelf,
    RagDefaults defaults,
    PackageOpener opener,
    Optional<String> adminToken,
    Optional<Uploads> uploads) {
  public KnowledgeServing {
    Objects.requireNonNull(uploads, "uploads");
    Objects.requireNonNull(shelf, "shelf");
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(opener, "opener");
    Objects.requireNonNull(adminToken, "adminToken");
  }

  /** Opens a knowledge base package to be served under {@code name}. */
  @FunctionalInterface
  public interface PackageOpener {
    KnowledgeBase open(Path gkb, String name);
  }
}
