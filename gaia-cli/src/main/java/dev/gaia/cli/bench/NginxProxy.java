package dev.gaia.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx as a reverse proxy in front of the stub, the bar the gateway is held to: a child process
 * ({@code daemon off}) with a generated config in a temporary prefix, one worker process, HTTP/1.1
 * keep-alive to the upstream (64 idle connections), {@code proxy_buffering off} (so SSE events
 * pass through as they arrive; the small JSON answers fit one buffer either way), no access log.
 */
final class NginxProxy implements AutoCloseable {
  private final Process process;
  private final Path prefix;
  private final int port;
  private final String version;

  private NginxProxy(Process process, Path prefix, int port, String version) {
    this.process = process;
    this.prefix = prefix;
    this.port = port;
    this.version = version;
  }

  /** The config nginx runs with; {@code prefix} holds its pid, log and temporary files. */
  static String config(Path prefix, int listenPort, URI upstream) {
    String p = prefix.toAbsolutePath().toString();
    return """
        daemon off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 4096; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          upstream stub { server %2$s:%3$d; keepalive 64; }
          server {
            listen 127.0.0.1:%4$d;
            location / {
              proxy_pass http://stub;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_buffering off;
            }
          }
        }
        """.formatted(p, upstream.getHost(), upstream.getPort(), listenPort);
  }

  /**
   * Starts {@code nginx} in front of {@code upstream} and waits until it accepts connections.
   *
   * @throws IllegalStateException naming why when nginx is missing or does not start
   */
  static NginxProxy start(String nginx, URI upstream) {
    try {
      String version = version(nginx);
      Path prefix = Files.createTempDirectory("gaia-bench-nginx");
      int port = freePort();
      Files.writeString(prefix.resolve("nginx.conf"), config(prefix, port, upstream), StandardCharsets.UTF_8);
      Process process = new ProcessBuilder(nginx, "-e", prefix.resolve("error.log").toString(),
          "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString())
          .redirectErrorStream(true)
          .redirectOutput(prefix.resolve("stdout.log").toFile())
          .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("nginx exited: " + Files.readString(prefix.resolve("error.log")).strip());
        }
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 200);
          return new NginxProxy(process, prefix, port, version);
        } catch (IOException notYet) {
          Thread.sleep(50);
        }
      }
      process.destroy();
      throw new IllegalStateException("nginx did not listen within 10 s");
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + nginx + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String version(String nginx) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(nginx, "-v")).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(nginx + " -v failed: " + out);
    }
    return out.replace("nginx version: ", "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** e.g. {@code nginx/1.22.1}. */
  String version() {
    return version;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(prefix)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
