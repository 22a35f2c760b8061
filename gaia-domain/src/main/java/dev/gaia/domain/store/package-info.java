/**
 * Persistent domain state: the nodes of a domain, its API keys, usage metering, probe history and
 * configuration, behind {@link dev.gaia.domain.store.DomainStore}.
 *
 * <p>{@link dev.gaia.domain.store.DomainStores#open(String)} gives a SQLite store (the default: a
 * file under the domain's home folder) or a PostgreSQL one (for several gateway replicas serving
 * one domain); {@link dev.gaia.domain.store.DomainStores#inMemory} gives the in-memory store for
 * tests of the logic above it. Instants are kept to the millisecond, probe latencies to the
 * microsecond: the records truncate what they are given, so every store returns what it was given.
 */
package dev.gaia.domain.store;
