package dev.gaia.domain.registry;

/**
 * Checks a node before it gets traffic (and again later): does it serve the models the domain
 * requires, and does it answer a fixed canary request? Blocking; run it off the event loop.
 */
public interface AdmissionProbe {

  /** The verdict, with what was found, for the probe history. */
  record Verdict(boolean passed, String detail, java.time.Duration latency) {}

  /** Probes the node reachable at {@code base} (its own URL, or its tunnel's local endpoint). */
  Verdict probe(java.net.URI base, dev.gaia.domain.store.DomainConfig requirements);
}
