package dev.gaia.domain.store;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A domain's settings, kept by the store so that every gateway replica uses the same.
 *
 * @param name the domain's name, e.g. {@code "rust.gaia.domains"}
 * @param joinPolicy which nodes may join
 * @param requiredModelHashes SHA-256 digests (lower-case hex) of model files every node must serve;
 *     empty for no requirement
 * @param open whether clients may call the domain without an API key (usage is then metered per
 *     node only)
 * @param knowledgeCanary when present, a joining node must retrieve the expected source for the
 *     canary question: the domain requires a knowledge base
 */
public record DomainConfig(
    String name, JoinPolicy joinPolicy, Set<String> requiredModelHashes, boolean open,
    java.util.Optional<KnowledgeCanary> knowledgeCanary) {

  /** A question whose answer must come from {@code expectedSource} of the node's knowledge. */
  public record KnowledgeCanary(String question, String expectedSource) {
    public KnowledgeCanary {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(expectedSource, "expectedSource");
      if (question.isBlank() || expectedSource.isBlank()) {
        throw new IllegalArgumentException("a knowledge canary needs a question and an expected source");
      }
    }
  }

  /** A domain without a knowledge requirement. */
  public DomainConfig(String name, JoinPolicy joinPolicy, Set<String> requiredModelHashes, boolean open) {
    this(name, joinPolicy, requiredModelHashes, open, java.util.Optional.empty());
  }

  public DomainConfig {
    knowledgeCanary = knowledgeCanary == null ? java.util.Optional.empty() : knowledgeCanary; // rows saved before it existed
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a domain name must not be blank");
    }
    Objects.requireNonNull(joinPolicy, "joinPolicy");
    Set<String> checked = new TreeSet<>();
    for (String hash : requiredModelHashes) {
      checked.add(Sha256Hex.require(hash, "a required model hash"));
    }
    requiredModelHashes = Set.copyOf(checked);
  }

  /** A domain any node may join and that needs API keys. */
  public static DomainConfig defaults(String name) {
    return new DomainConfig(name, JoinPolicy.OPEN, Set.of(), false);
  }
}
