package dev.gaia.domain.store;

import java.time.InstantSource;

class InMemoryDomainStoreTest extends DomainStoreContract {
  @Override
  DomainStore newStore(InstantSource clock) {
    return DomainStores.inMemory(clock);
  }
}
