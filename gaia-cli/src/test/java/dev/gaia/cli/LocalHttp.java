package dev.gaia.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** A loopback HTTP server on port 0 serving fixed bodies by path; any other path is a 404. */
final class LocalHttp implements AutoCloseable {
  private final HttpServer server;

  private LocalHttp(HttpServer server) {
    this.server = server;
  }

  static LocalHttp serving(Map<String, byte[]> bodies) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        byte[] body = bodies.get(exchange.getRequestURI().getPath());
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
        } else {
          exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
          if (!"HEAD".equals(exchange.getRequestMethod())) {
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        }
        exchange.close();
      });
      server.start();
      return new LocalHttp(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** A loopback port that nothing listens on (bound, then released). */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
