package dev.gaia.domain.routing;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * An active node as routing sees it: its id (address), where requests go, and the models it
 * serves (ids as in {@code /v1/models}). Tunnelled nodes get a {@code baseUrl} the gateway's
 * tunnel server answers for.
 */
public record NodeEndpoint(String address, URI baseUrl, Set<String> models) {
  public NodeEndpoint {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(baseUrl, "baseUrl");
    models = Set.copyOf(models);
  }
}
