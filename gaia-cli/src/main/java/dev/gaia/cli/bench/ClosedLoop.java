package dev.gaia.cli.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A closed-loop load generator: {@code connections} workers each send a request, wait for its last
 * byte, and send the next, until the duration is over. Runs on its own Vert.x instance with two
 * event loops (workers spread over them); each worker's state is confined to its event loop.
 */
final class ClosedLoop implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));

  /** POSTs {@code body} to {@code base}'s chat completions; SSE events are counted when {@code stream}. */
  LoadSample run(URI base, Buffer body, boolean stream, int connections, Duration duration) {
    HttpClientAgent client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setDecompressionSupported(false),
        new PoolOptions().setHttp1MaxSize(connections));
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(base.resolve("/v1/chat/completions").toString())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    CountDownLatch done = new CountDownLatch(connections);
    List<Worker> workers = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int i = 0; i < connections; i++) {
      Worker w = new Worker(client, options, body, stream, end, done);
      workers.add(w);
      Context context = vertx.getOrCreateContext();
      context.runOnContext(v -> w.next());
    }
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    client.close().await();
    long requests = 0;
    long errors = 0;
    long events = 0;
    int n = 0;
    for (Worker w : workers) {
      requests += w.requests;
      errors += w.errors;
      events += w.events;
      n += w.count;
    }
    long[] latencies = new long[n];
    int at = 0;
    for (Worker w : workers) {
      System.arraycopy(w.latencies, 0, latencies, at, w.count);
      at += w.count;
    }
    return new LoadSample(requests, errors, events, seconds, latencies);
  }

  @Override
  public void close() {
    vertx.close().await();
  }

  /** One connection's loop; touched only on its event loop until {@code done} counts down. */
  private static final class Worker {
    final HttpClientAgent client;
    final RequestOptions options;
    final Buffer body;
    final boolean stream;
    final long end;
    final CountDownLatch done;
    long requests;
    long errors;
    long events;
    long[] latencies = new long[1024];
    int count;

    Worker(HttpClientAgent client, RequestOptions options, Buffer body, boolean stream, long end, CountDownLatch done) {
      this.client = client;
      this.options = options;
      this.body = body;
      this.stream = stream;
      this.end = end;
      this.done = done;
    }

    void next() {
      long sent = System.nanoTime();
      if (sent >= end) {
        done.countDown();
        return;
      }
      client.request(options)
          .compose(request -> request.send(body))
          .compose(this::consume)
          .onComplete(ar -> {
            if (ar.succeeded()) {
              record(System.nanoTime() - sent);
              events += ar.result();
            } else {
              errors++;
            }
            next();
          });
    }

    private Future<Long> consume(HttpClientResponse response) {
      if (response.statusCode() != 200) {
        return response.body().compose(b -> Future.failedFuture("status " + response.statusCode()));
      }
      if (!stream) {
        return response.body().map(b -> 0L);
      }
      EventCounter counter = new EventCounter();
      response.handler(counter::add);
      return response.end().map(v -> counter.events());
    }

    private void record(long nanos) {
      requests++;
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }
  }
}
