package dev.gaia.domain.store;

import dev.gaia.protocol.identity.Address;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A node of the domain as the store keeps it.
 *
 * @param address the node's identity (its key's address)
 * @param url where the gateway sends requests in direct mode ({@code http} or {@code https});
 *     empty for a tunnelled node, which dialled out to the gateway
 * @param tunnel whether requests go through the node's tunnel rather than to {@code url}
 * @param models the models it serves: model id (as in {@code /v1/models}) to the SHA-256 hex digest
 *     of the model file, lower case
 * @param joinedAt when the node first joined; kept by {@link DomainStore#upsertNode} on rejoin
 * @param lastSeen when the gateway last heard from it (request, probe or heartbeat)
 * @param note why the node is in its state (the reason given to {@link DomainStore#setState}),
 *     empty when none; shown to operators
 */
public record NodeRecord(
    Address address,
    Optional<URI> url,
    boolean tunnel,
    NodeState state,
    Map<String, String> models,
    Instant joinedAt,
    Instant lastSeen,
    Optional<String> note) {

  public NodeRecord {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(note, "note");
    if (!tunnel && url.isEmpty()) {
      throw new IllegalArgumentException("node " + address + " is in direct mode but has no url");
    }
    url.ifPresent(NodeRecord::requireHttp);
    Map<String, String> checked = new TreeMap<>();
    models.forEach(
        (id, hash) -> {
          if (id.isBlank()) {
            throw new IllegalArgumentException("node " + address + " names a model with a blank id");
          }
          checked.put(id, Sha256Hex.require(hash, "the hash of model " + id));
        });
    models = Map.copyOf(checked);
    joinedAt = joinedAt.truncatedTo(ChronoUnit.MILLIS);
    lastSeen = lastSeen.truncatedTo(ChronoUnit.MILLIS);
  }

  /** A node that has just joined: pending, seen now. */
  public static NodeRecord joining(Address address, Optional<URI> url, boolean tunnel, Map<String, String> models, Instant now) {
    return new NodeRecord(address, url, tunnel, NodeState.PENDING, models, now, now, Optional.empty());
  }

  /** The SHA-256 digests of the model files it serves, sorted. */
  public Set<String> modelHashes() {
    return new TreeSet<>(models.values());
  }

  /** This record in {@code state} with {@code note}. */
  public NodeRecord withState(NodeState newState, String reason) {
    return new NodeRecord(address, url, tunnel, newState, models, joinedAt, lastSeen, Optional.of(reason));
  }

  /** This record last seen at {@code seen}, or as it is when it was seen later already. */
  public NodeRecord seenAt(Instant seen) {
    Instant latest = seen.isAfter(lastSeen) ? seen : lastSeen;
    return new NodeRecord(address, url, tunnel, state, models, joinedAt, latest, note);
  }

  private static void requireHttp(URI url) {
    String scheme = url.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
      throw new IllegalArgumentException("a node url is http(s)://host[:port][/path], got " + url);
    }
  }
}
