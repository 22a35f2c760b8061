package dev.gaia.domain.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * What routing needs to know of a request.
 *
 * @param model the requested model id; empty means any node
 * @param affinityKey a stable hash of the conversation prefix (e.g. system prompt and earlier
 *     turns), so a follow-up can go to the node that has it cached; empty for none
 */
public record RouteRequest(Optional<String> model, Optional<String> affinityKey) {
  public RouteRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(affinityKey, "affinityKey");
  }
}
