package dev.gaia.domain.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The domain's membership endpoints, {@code POST /v1/domain/{join,heartbeat,leave}}: each body is
 * a signed envelope (see {@code dev.gaia.protocol.identity.SignedEnvelope}); and the operator's
 * {@code POST /v1/domain/admin/{approve,eject}} with {@code {"token","node"}}. The gateway reads the
 * body and calls this on a worker thread, so implementations may block (store, probes).
 */
public interface Membership {
  /** Handles one message; the returned value is the JSON reply. */
  Object handle(String action, JsonNode envelope);
}
