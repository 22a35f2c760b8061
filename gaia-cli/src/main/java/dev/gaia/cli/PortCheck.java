package dev.gaia.cli;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails early, naming the port, when the node's port is taken. */
final class PortCheck {
  private PortCheck() {}

  static void requireFree(String host, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new GaiaException(ErrorKind.UNAVAILABLE,
          "port " + port + " on " + host + " is already in use; stop what uses it or choose another port: gaia node config set port N",
          "port", "port_in_use");
    }
  }
}
