package dev.gaia.protocol.tunnel;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;

/** Bytes off a tunnel that are not a well-formed {@link Frame}; the tunnel is closed. */
public final class FrameException extends GaiaException {
  private static final long serialVersionUID = 1L;

  public FrameException(String message) {
    super(ErrorKind.INVALID_REQUEST, message, null, "malformed_tunnel_frame");
  }
}
