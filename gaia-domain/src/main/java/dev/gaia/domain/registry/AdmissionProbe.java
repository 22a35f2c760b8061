package dev.gaia.domain.registry;

import dev.gaia.domain.store.NodeRecord;

/**
 * Checks a node before it gets traffic (and again later): does it serve the models the domain
 * requires, and does it answer a fixed canary request? Blocking; run it off the event loop.
 */
public interface AdmissionProbe {

  /** The verdict, with what was found, for the probe history. */
  record Verdict(boolean passed, String detail, java.time.Duration latency) {}

  Verdict probe(NodeRecord node, java.util.Set<String> requiredModelHashes);
}
