package dev.gaia.domain.store;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.identity.Address;

/** The failures every store reports alike. */
final class StoreErrors {
  private StoreErrors() {}

  static GaiaException unknownNode(Address address) {
    return GaiaException.notFound("node", "no node " + address + " in this domain");
  }

  static GaiaException unknownKey(String id) {
    return GaiaException.notFound("key", "no API key " + id);
  }

  /** The database failed; the message is safe to show, the cause holds the details. */
  static GaiaException failed(String what, Exception cause) {
    return new GaiaException(ErrorKind.INTERNAL, "the domain store failed to " + what, null, "store_error", null, cause);
  }

  static void requireLimit(int limit) {
    if (limit < 1) {
      throw GaiaException.invalid("limit", "a limit is at least 1, got " + limit);
    }
  }
}
