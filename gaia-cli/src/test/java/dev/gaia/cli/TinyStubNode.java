package dev.gaia.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A stub node answering /v1/info and a canary chat completion, for admission tests. */
record TinyStubNode(HttpServer server) implements AutoCloseable {
  static TinyStubNode start() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext("/v1/info", ex -> reply(ex, "{\"models\":[{\"id\":\"tiny\",\"sha256\":\"" + "ab".repeat(32) + "\"}]}"));
      s.createContext("/v1/chat/completions", ex -> reply(ex, "{\"choices\":[{\"message\":{\"content\":\"OK\"}}]}"));
      s.start();
      return new TinyStubNode(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
