package dev.gaia.inference.model;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 port 0 serving one byte array under {@code /models/<any name>},
 * with {@code Range: bytes=N-} and {@code If-Range} support and knobs for misbehaviour: dropping
 * the connection mid-body, ignoring Range, sending slowly, stalling. {@code /redirect/<name>}
 * answers 302 to {@code /models/<name>} (with {@code X-Linked-Etag} when set, as Hugging Face
 * does); anything else is 404.
 */
final class ModelFileServer implements AutoCloseable {
  /** What the server saw of one request. {@code range} and {@code ifRange} are null if absent. */
  record Request(String path, String range, String ifRange) {}

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  final byte[] content;
  final String sha256;
  final List<Request> requests = new CopyOnWriteArrayList<>();

  /** Body bytes written to sockets over all responses. */
  final AtomicLong bytesSent = new AtomicLong();

  volatile String etag;
  volatile String linkedEtag;
  volatile boolean honorRange = true;

  /** How many responses still drop their connection after {@link #dropAfterBytes}. */
  final AtomicInteger drops = new AtomicInteger();

  volatile long dropAfterBytes;
  volatile int chunkBytes = 64 * 1024;
  volatile long chunkDelayMillis;

  /** When >= 0, a response sends this many bytes and then goes silent until {@link #close}. */
  volatile long stallAfterBytes = -1;

  private final HttpServer server;
  private final CountDownLatch closing = new CountDownLatch(1);

  private ModelFileServer(byte[] content) throws IOException {
    this.content = content;
    try {
      this.sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  static ModelFileServer start(byte[] content) throws IOException {
    return new ModelFileServer(content);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  long requestsWithRange() {
    return requests.stream().filter(r -> r.range() != null).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String range = ex.getRequestHeaders().getFirst("Range");
    String ifRange = ex.getRequestHeaders().getFirst("If-Range");
    requests.add(new Request(path, range, ifRange));
    try (ex) {
      if (path.startsWith("/redirect/")) {
        if (linkedEtag != null) {
          ex.getResponseHeaders().set("X-Linked-Etag", linkedEtag);
        }
        ex.getResponseHeaders().set("Location", "/models/" + path.substring("/redirect/".length()));
        ex.sendResponseHeaders(302, -1);
      } else if (path.startsWith("/models/")) {
        serveFile(ex, range, ifRange);
      } else {
        byte[] body = "Entry not found".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(404, body.length);
        ex.getResponseBody().write(body);
      }
    }
  }

  private void serveFile(HttpExchange ex, String range, String ifRange) throws IOException {
    long start = 0;
    Matcher m = range == null ? null : RANGE.matcher(range);
    boolean validatorHolds = ifRange == null || ifRange.equals(etag);
    if (m != null && m.matches() && honorRange && validatorHolds) {
      start = Long.parseLong(m.group(1));
    }
    if (etag != null) {
      ex.getResponseHeaders().set("ETag", etag);
    }
    if (start > 0) {
      ex.getResponseHeaders()
          .set(
              "Content-Range",
              "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
      ex.sendResponseHeaders(206, content.length - start);
    } else {
      ex.sendResponseHeaders(200, content.length);
    }
    OutputStream out = ex.getResponseBody();
    boolean drop = drops.getAndDecrement() > 0;
    long sent = 0;
    for (long pos = start; pos < content.length; ) {
      if (drop && sent >= dropAfterBytes) {
        out.flush();
        // Closing a fixed-length body early makes the server cut the connection.
        out.close();
        return;
      }
      if (stallAfterBytes >= 0 && sent >= stallAfterBytes) {
        out.flush();
        awaitClose();
        return;
      }
      int n = (int) Math.min(chunkBytes, content.length - pos);
      out.write(content, (int) pos, n);
      out.flush();
      pos += n;
      sent += n;
      bytesSent.addAndGet(n);
      if (chunkDelayMillis > 0) {
        sleep(chunkDelayMillis);
      }
    }
  }

  private void awaitClose() {
    try {
      closing.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
