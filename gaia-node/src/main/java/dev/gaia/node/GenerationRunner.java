package dev.gaia.node;

import dev.gaia.inference.Cancellation;
import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.GenerationRequest;
import dev.gaia.inference.GenerationResult;
import dev.gaia.inference.TokenPiece;
import dev.gaia.protocol.openai.Usage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one generation on a slot and writes it out, streamed as server-sent events or whole.
 *
 * <p>Threads: the prompt is prepared and the engine runs on a slot thread; every write to the
 * response is handed back to the request's event-loop context, in order. A client that closes its
 * connection, or a request that runs past the timeout, raises the generation's cancellation, which
 * frees the slot after the current token; a request still queued when its client leaves never
 * reaches the engine.
 */
final class GenerationRunner {
  private final Vertx vertx;
  private final ChatEngine engine;
  private final SlotScheduler slots;
  private final NodeMetrics metrics;
  private final HttpReplies replies;
  private final Duration timeout;

  GenerationRunner(
      Vertx vertx,
      ChatEngine engine,
      SlotScheduler slots,
      NodeMetrics metrics,
      HttpReplies replies,
      Duration timeout) {
    this.vertx = vertx;
    this.engine = engine;
    this.slots = slots;
    this.metrics = metrics;
    this.replies = replies;
    this.timeout = timeout;
  }

  /**
   * @param prepare builds the engine request on the slot thread (template rendering and
   *     tokenisation are CPU work that must not run on the event loop)
   */
  void run(
      RoutingContext ctx,
      String endpoint,
      Supplier<GenerationRequest> prepare,
      ResponseShape shape,
      boolean stream,
      boolean includeUsage) {
    Context context = vertx.getOrCreateContext();
    HttpServerResponse response = ctx.response();
    Cancellation cancellation = new Cancellation();
    response.closeHandler(v -> cancellation.cancel());
    long timer = vertx.setTimer(timeout.toMillis(), id -> cancellation.cancel());
    StreamWriter writer = stream ? new StreamWriter(context, response) : null;
    List<TokenPiece> pieces = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    slots
        .submit(
            () -> {
              if (cancellation.isCancelled()) {
                return null;
              }
              GenerationRequest request = prepare.get();
              return engine.generate(
                  request,
                  piece -> {
                    if (writer != null) {
                      writer.openOnce(shape.opening());
                      writer.event(shape.delta(piece));
                    } else {
                      text.append(piece.text());
                      pieces.add(piece);
                    }
                  },
                  cancellation);
            })
        .whenComplete(
            (result, failure) ->
                context.runOnContext(
                    v -> {
                      vertx.cancelTimer(timer);
                      if (failure != null) {
                        metrics.request(endpoint, HttpReplies.toGaia(failure).kind().status());
                        replies.error(ctx, failure);
                        return;
                      }
                      if (result == null) {
                        return; // client left while queued
                      }
                      metrics.generation(result);
                      metrics.request(endpoint, 200);
                      finish(ctx, shape, writer, text.toString(), pieces, result, includeUsage);
                    }));
  }

  private void finish(
      RoutingContext ctx,
      ResponseShape shape,
      StreamWriter writer,
      String text,
      List<TokenPiece> pieces,
      GenerationResult result,
      boolean includeUsage) {
    Usage usage = Usage.of(result.promptTokens(), result.completionTokens());
    String reason = result.finishReason().wire();
    if (result.finishReason() == GenerationResult.FinishReason.CANCELLED) {
      // The client is gone (nothing to write) or the request ran out of time: say so, in-band
      // when the stream has already started.
      replies.error(
          ctx,
          new dev.gaia.protocol.GaiaException(
              dev.gaia.protocol.ErrorKind.UNAVAILABLE,
              "The request exceeded the node's time limit of " + timeout.toSeconds() + " s.",
              null,
              "timeout"));
      return;
    }
    if (writer != null) {
      writer.openOnce(shape.opening());
      writer.close(shape.closing(reason), includeUsage ? shape.usage(usage) : null);
    } else {
      replies.json(ctx, 200, shape.whole(text, pieces, reason, usage));
    }
  }

  /**
   * SSE framing; every write happens on the request's context, in call order. Headers are only
   * sent with the first event, so a request that fails before its first token (context overflow,
   * bad grammar) still gets a proper HTTP error status.
   */
  private final class StreamWriter {
    private final Context context;
    private final HttpServerResponse response;
    private volatile boolean opened;

    StreamWriter(Context context, HttpServerResponse response) {
      this.context = context;
      this.response = response;
    }

    void openOnce(Object first) {
      if (opened) {
        return;
      }
      opened = true;
      byte[] data = first == null ? null : frame(first);
      onContext(
          () -> {
            if (response.closed()) {
              return;
            }
            response
                .setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
            if (data != null) {
              response.write(Buffer.buffer(data));
            } else {
              response.writeHead();
            }
          });
    }

    void event(Object body) {
      byte[] data = frame(body);
      onContext(
          () -> {
            if (!response.closed() && !response.ended()) {
              response.write(Buffer.buffer(data));
            }
          });
    }

    void close(Object last, Object usage) {
      if (response.closed() || response.ended()) {
        return;
      }
      response.write(Buffer.buffer(frame(last)));
      if (usage != null) {
        response.write(Buffer.buffer(frame(usage)));
      }
      response.end("data: [DONE]\n\n");
    }

    private void onContext(Runnable write) {
      if (Vertx.currentContext() == context) {
        write.run();
      } else {
        context.runOnContext(v -> write.run());
      }
    }

    private byte[] frame(Object body) {
      byte[] json = replies.bytes(body);
      byte[] out = new byte[json.length + 8];
      byte[] prefix = "data: ".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(prefix, 0, out, 0, 6);
      System.arraycopy(json, 0, out, 6, json.length);
      out[out.length - 2] = '\n';
      out[out.length - 1] = '\n';
      return out;
    }
  }
}
