package dev.gaia.domain.gateway;

import java.util.Optional;

/**
 * Looks up the key a bearer secret belongs to. Called on an event loop for every request: it must
 * not block (a persistent store answers from an in-memory cache it keeps fresh). Thread-safe.
 */
public interface KeyCheck {

  /** The key whose secret is {@code secret}; empty when unknown or revoked. */
  Optional<ApiKey> find(String secret);
}
