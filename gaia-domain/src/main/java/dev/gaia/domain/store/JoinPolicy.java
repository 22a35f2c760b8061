package dev.gaia.domain.store;

/** Which nodes may join a domain. */
public enum JoinPolicy {
  /** Any node may join; it gets traffic once its probes pass. */
  OPEN,
  /** A node that joins stays pending until an operator approves it, then is probed. */
  APPROVAL,
  /** No new node may join; nodes already in the domain stay. */
  CLOSED
}
