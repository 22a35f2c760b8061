package dev.gaia.inference.model;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One remote download into a {@link PartFile}. Redirects are followed by hand so that headers of
 * every hop are seen: Hugging Face puts the file's SHA-256 in {@code X-Linked-Etag} on the
 * redirect, not on the CDN response. A part with bytes is resumed with {@code Range} and {@code
 * If-Range}; a {@code 200} answer, a {@code 206} for another range or a changed {@code ETag} or
 * advertised hash start it over from byte 0. A connection dropped mid-body is retried (resuming)
 * while attempts remain and the failed attempt delivered bytes.
 */
final class HttpTransfer {

  /** The finished part: its digest and size, and the digest the server advertised, if any. */
  record Result(Sha256 actual, long size, Optional<Advertised> advertised) {}

  /**
   * An expected digest and who vouched for it, in words for error messages: "the caller" or "the
   * server's X-Linked-Etag header".
   */
  record Advertised(Sha256 sha256, String origin) {
    static Advertised byHeader(Sha256 sha256, String header) {
      return new Advertised(sha256, "the server's " + header + " header");
    }
  }

  /** The connection failed before the body was complete; the part keeps what arrived. */
  private static final class DroppedException extends Exception {
    DroppedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private record Opened(
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, Optional<Advertised> advertised) {}

  private record ContentRange(long start, long total) {
    private static final Pattern SHAPE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    static Optional<ContentRange> parse(Optional<String> header) {
      return header
          .map(SHAPE::matcher)
          .filter(Matcher::matches)
          .map(
              m ->
                  new ContentRange(
                      Long.parseLong(m.group(1)),
                      m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3))));
    }
  }

  private static final int MAX_REDIRECTS = 10;
  private static final int ERROR_BODY_CHARS = 300;

  private final HttpClient client;
  private final URI uri;
  private final DownloadOptions options;
  private final DownloadListener listener;
  private final ProgressThrottle throttle;

  HttpTransfer(HttpClient client, URI uri, DownloadOptions options, DownloadListener listener) {
    this.client = client;
    this.uri = uri;
    this.options = options;
    this.listener = listener;
    this.throttle = new ProgressThrottle(listener);
  }

  /**
   * Fills {@code part} with the whole body. Throws {@link GaiaException} for HTTP errors, stalls
   * and exhausted retries, {@link IOException} for local disk failures, and {@link
   * InterruptedException} when the thread is interrupted (the part is kept in every case).
   */
  Result run(PartFile part) throws IOException, InterruptedException {
    int attempts = 0;
    while (true) {
      attempts++;
      long before = part.length();
      try {
        Optional<Result> result = attempt(part);
        if (result.isPresent()) {
          return result.get();
        }
        attempts--; // the server's content changed: asking again from byte 0 is not a retry
      } catch (DroppedException e) {
        boolean delivered = part.length() > before;
        if (!delivered || attempts >= options.maxAttempts()) {
          throw new GaiaException(
              ErrorKind.UNAVAILABLE,
              "download of "
                  + uri
                  + " failed at "
                  + part.length()
                  + " bytes after "
                  + attempts
                  + (attempts == 1 ? " attempt: " : " attempts: ")
                  + e.getMessage()
                  + "; the partial file is kept, pull again to resume",
              null,
              "download_failed",
              null,
              e.getCause());
        }
      }
    }
  }

  /** One request; empty when the part was emptied and the body must be asked for again. */
  private Optional<Result> attempt(PartFile part)
      throws IOException, InterruptedException, DroppedException {
    long offset = part.length();
    Optional<PartialMeta> meta = part.meta();
    if (offset > 0 && meta.isPresent() && meta.get().total() == offset) {
      // A previous run received every byte but stopped before moving the file.
      return Optional.of(new Result(part.finish(), offset, advertised(meta.get())));
    }
    Opened opened = open(offset, meta.map(PartialMeta::validator).orElse(null));
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = opened.response();
    HttpHeaders headers = response.headers();
    long start;
    long total;
    Optional<Advertised> advertised = opened.advertised();
    switch (response.statusCode()) {
      case 200 -> {
        start = 0;
        total = headers.firstValueAsLong("Content-Length").orElse(-1);
        part.restart(
            new PartialMeta(
                uri.toString(),
                validator(headers),
                advertised.map(a -> a.sha256().hex()).orElse(null),
                advertised.map(Advertised::origin).orElse(null),
                total));
      }
      case 206 -> {
        Optional<ContentRange> range = ContentRange.parse(headers.firstValue("Content-Range"));
        if (offset == 0 || meta.isEmpty()) {
          discard(response);
          throw protocolError("answered 206 Partial Content to a request without Range");
        }
        if (range.isEmpty()
            || range.get().start() != offset
            || etagChanged(meta.get().validator(), strongEtag(headers))
            || differ(
                meta.get().advertisedSha256(),
                advertised.map(a -> a.sha256().hex()).orElse(null))) {
          discard(response);
          part.clear();
          return Optional.empty();
        }
        start = offset;
        total = range.get().total() >= 0 ? range.get().total() : meta.get().total();
        if (advertised.isEmpty()) {
          advertised = advertised(meta.get());
        }
      }
      case 416 -> {
        discard(response);
        if (offset == 0) {
          throw protocolError("answered 416 Range Not Satisfiable to a request without Range");
        }
        part.clear();
        return Optional.empty();
      }
      default -> throw httpError(response);
    }
    stream(response, part, start, total);
    return Optional.of(new Result(part.finish(), part.length(), advertised));
  }

  private void stream(
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> response,
      PartFile part,
      long start,
      long total)
      throws IOException, InterruptedException, DroppedException {
    listener.started(total, start);
    throttle.restart();
    BodyStream body = new BodyStream();
    response.body().subscribe(body);
    try {
      List<ByteBuffer> chunk;
      while ((chunk = nextChunk(body, part, total)) != null) {
        for (ByteBuffer buffer : chunk) {
          part.append(buffer);
        }
        throttle.report(part.length());
      }
    } finally {
      body.cancel();
    }
    if (total >= 0 && part.length() != total) {
      throw new DroppedException(
          "the body ended at " + part.length() + " of " + total + " bytes", null);
    }
    throttle.flush(part.length());
  }

  private List<ByteBuffer> nextChunk(BodyStream body, PartFile part, long total)
      throws InterruptedException, DroppedException {
    try {
      return body.next(options.idleTimeout());
    } catch (BodyStream.StalledException e) {
      throw new GaiaException(
          ErrorKind.UNAVAILABLE,
          "download of "
              + uri
              + " stalled: no data for "
              + options.idleTimeout().toMillis()
              + " ms at "
              + part.length()
              + (total >= 0 ? " of " + total : "")
              + " bytes; the partial file is kept, pull again to resume",
          null,
          "download_stalled",
          null,
          e);
    } catch (IOException e) {
      throw new DroppedException("the connection broke (" + e.getMessage() + ")", e);
    }
  }

  /** Sends the request, following up to {@link #MAX_REDIRECTS} redirects by hand. */
  private Opened open(long offset, String validator) throws InterruptedException, DroppedException {
    URI current = uri;
    Optional<Advertised> linked = Optional.empty();
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> response =
          send(request(current, offset, validator));
      HttpHeaders headers = response.headers();
      if (linked.isEmpty()) {
        linked =
            headers
                .firstValue("X-Linked-Etag")
                .flatMap(Sha256::fromEntityTag)
                .map(sha -> Advertised.byHeader(sha, "X-Linked-Etag"));
      }
      int status = response.statusCode();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        discard(response);
        Optional<String> location = headers.firstValue("Location");
        if (location.isEmpty()) {
          throw protocolError("answered " + status + " without a Location header");
        }
        current = current.resolve(location.get());
        continue;
      }
      Optional<Advertised> advertised =
          linked.or(
              () ->
                  Sha256.fromEntityTag(headers.firstValue("ETag").orElse(null))
                      .map(sha -> Advertised.byHeader(sha, "ETag")));
      return new Opened(response, advertised);
    }
    throw protocolError("redirected more than " + MAX_REDIRECTS + " times");
  }

  private HttpRequest request(URI target, long offset, String validator) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .GET()
            .timeout(options.idleTimeout())
            .header("User-Agent", options.userAgent())
            .header("Accept-Encoding", "identity");
    if (offset > 0) {
      b.header("Range", "bytes=" + offset + "-");
      if (validator != null) {
        b.header("If-Range", validator);
      }
    }
    return b.build();
  }

  private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(HttpRequest request)
      throws InterruptedException, DroppedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofPublisher());
    } catch (HttpTimeoutException e) {
      throw new GaiaException(
          ErrorKind.UNAVAILABLE,
          "no response from "
              + request.uri()
              + " within "
              + options.idleTimeout().toMillis()
              + " ms; check the URL and the network, then pull again",
          null,
          "download_stalled",
          null,
          e);
    } catch (IOException e) {
      throw new DroppedException("cannot reach " + request.uri() + " (" + e + ")", e);
    }
  }

  private GaiaException httpError(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response)
      throws InterruptedException {
    int status = response.statusCode();
    String said = errorBody(response);
    String what =
        "HTTP " + status + " from " + response.uri() + (said.isEmpty() ? "" : ": " + said);
    if (status == 404 || status == 410) {
      return new GaiaException(
          ErrorKind.NOT_FOUND,
          "model not found: " + what + "; check the URL",
          "source",
          "model_not_found");
    }
    if (status == 401 || status == 403) {
      return new GaiaException(
          ErrorKind.UNAUTHORIZED,
          "access denied: " + what + "; the model may be gated or private",
          "source",
          "download_forbidden");
    }
    if (status == 429 || status >= 500) {
      return new GaiaException(
          ErrorKind.UNAVAILABLE,
          "download failed: " + what + "; the server is unavailable, try again later",
          "source",
          "download_failed");
    }
    return new GaiaException(
        ErrorKind.INVALID_REQUEST, "download failed: " + what, "source", "download_failed");
  }

  /** The start of an error body, on one line, for the message; empty if none arrives in time. */
  private String errorBody(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response)
      throws InterruptedException {
    BodyStream body = new BodyStream();
    response.body().subscribe(body);
    StringBuilder text = new StringBuilder();
    try {
      List<ByteBuffer> chunk;
      while (text.length() < ERROR_BODY_CHARS
          && (chunk = body.next(options.idleTimeout())) != null) {
        for (ByteBuffer b : chunk) {
          text.append(StandardCharsets.UTF_8.decode(b));
        }
      }
    } catch (IOException | BodyStream.StalledException e) {
      // The status says enough; the body was only a courtesy.
    } finally {
      body.cancel();
    }
    String oneLine = text.toString().replaceAll("\\s+", " ").strip();
    return oneLine.length() <= ERROR_BODY_CHARS
        ? oneLine
        : oneLine.substring(0, ERROR_BODY_CHARS) + "...";
  }

  private GaiaException protocolError(String what) {
    return new GaiaException(
        ErrorKind.UNAVAILABLE,
        "download of " + uri + " failed: the server " + what,
        "source",
        "download_failed");
  }

  private static void discard(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
    BodyStream body = new BodyStream();
    response.body().subscribe(body);
    body.cancel();
  }

  private static Optional<Advertised> advertised(PartialMeta meta) {
    return Optional.ofNullable(meta.advertisedSha256())
        .map(hex -> new Advertised(new Sha256(hex), meta.advertisedBy()));
  }

  /** What to send back as {@code If-Range}: a strong ETag, else Last-Modified, else null. */
  private static String validator(HttpHeaders headers) {
    String etag = strongEtag(headers);
    return etag != null ? etag : headers.firstValue("Last-Modified").orElse(null);
  }

  private static String strongEtag(HttpHeaders headers) {
    return headers.firstValue("ETag").filter(t -> !t.startsWith("W/")).orElse(null);
  }

  /** The stored validator is an ETag and the response carries a different one. */
  private static boolean etagChanged(String validator, String etag) {
    return validator != null && validator.startsWith("\"") && differ(validator, etag);
  }

  /** Both known and different. */
  private static boolean differ(String before, String now) {
    return before != null && now != null && !before.equals(now);
  }
}
