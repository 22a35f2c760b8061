package dev.gaia.domain;

import dev.gaia.domain.gateway.ApiKey;
import dev.gaia.domain.gateway.KeyCheck;
import dev.gaia.domain.store.DomainStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The gateway's key check over the persistent store: an in-memory map of valid keys by secret
 * hash, refreshed from the store by {@link #refresh()} (the gateway calls it every few seconds),
 * so a lookup never blocks an event loop. A key created or revoked through another gateway
 * replica takes effect here at the next refresh.
 */
final class StoreKeys implements KeyCheck {
  private final DomainStore store;
  private final AtomicReference<Map<String, ApiKey>> byHash = new AtomicReference<>(Map.of());

  StoreKeys(DomainStore store) {
    this.store = store;
    refresh();
  }

  /** Blocking: reads every key from the store. */
  void refresh() {
    byHash.set(store.keys().stream()
        .filter(dev.gaia.domain.store.ApiKey::valid)
        .collect(Collectors.toUnmodifiableMap(dev.gaia.domain.store.ApiKey::hash, k -> new ApiKey(k.id(),
            new ApiKey.Limits(k.rpm().orElse(0), k.tpm().orElse(0))))));
  }

  @Override
  public Optional<ApiKey> find(String secret) {
    return Optional.ofNullable(byHash.get().get(sha256(secret)));
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
