package dev.gaia.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.Json;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The node's HTTP server: the OpenAI-compatible API plus health, readiness, info and metrics, on
 * Vert.x. Inference never runs on an event loop: generations go to the {@link SlotScheduler},
 * embeddings to their own small pool.
 */
public final class NodeServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NodeServer.class.getName());

  private final Vertx vertx;
  private final HttpServer server;
  private final SlotScheduler slots;
  private final SlotScheduler embeddingPool;
  private final SlotScheduler builds;
  private final String host;
  private volatile boolean ready = true;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private NodeServer(
      Vertx vertx, HttpServer server, SlotScheduler slots, SlotScheduler embeddingPool, SlotScheduler builds, String host) {
    this.builds = builds;
    this.vertx = vertx;
    this.server = server;
    this.slots = slots;
    this.embeddingPool = embeddingPool;
    this.host = host;
  }

  /**
   * Binds the server and returns once it accepts connections.
   *
   * @param configView the node's config as loaded, shown by {@code /v1/info}
   * @throws GaiaException naming the port when it is already in use
   */
  public static NodeServer start(
      NodeServerConfig config,
      NodeModels models,
      Map<String, Object> configView,
      String version) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setBlockedThreadCheckInterval(10_000));
    ObjectMapper json = Json.newMapper();
    int parallel = models.chat().map(ChatEngine::parallelSlots).orElse(1);
    SlotScheduler slots = new SlotScheduler("chat", parallel, config.queueLimit());
    SlotScheduler embeddingPool = new SlotScheduler("embed", 2, Math.max(config.queueLimit(), 16));
    NodeMetrics metrics = new NodeMetrics(slots);
    HttpReplies replies = new HttpReplies(json);
    RequestReader reader = new RequestReader(json);
    IdSource ids = new IdSource(Clock.systemUTC(), "gaia-" + version);
    NodeServer[] self = new NodeServer[1];

    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      ctx.response().putHeader("x-gaia-request-id", ids.next("req-"));
      config.nodeAddress().ifPresent(a -> ctx.response().putHeader("x-gaia-node", a));
      ctx.next();
    });
    SlotScheduler builds = new SlotScheduler("kb-build", 1, 16);
    models.knowledge().flatMap(KnowledgeServing::uploads).ifPresent(u -> {
      // Multipart uploads land in a temporary folder beside the uploads, deleted when the request ends.
      BodyHandler multipart = BodyHandler.create(u.root().resolve(".incoming").toString())
          .setBodyLimit(config.maxBodyBytes())
          .setDeleteUploadedFilesOnEnd(true);
      router.post("/v1/files").handler(multipart);
      router.post("/v1/create/rag").handler(multipart);
    });
    router.route().handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));

    InfoRoutes info =
        new InfoRoutes(models, replies, slots, config, configView, version, () -> self[0] != null && self[0].ready);
    router.route(HttpMethod.GET, "/health").handler(info::health);
    router.route(HttpMethod.GET, "/ready").handler(info::ready);
    router.route(HttpMethod.GET, "/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape()));
    router.route("/v1/models").method(HttpMethod.GET).method(HttpMethod.POST).handler(info::models);
    router.route("/v1/info").method(HttpMethod.GET).method(HttpMethod.POST).handler(info::info);

    RagDefaults ragDefaults = models.knowledge().map(KnowledgeServing::defaults).orElse(RagDefaults.gaia());
    Retrieval retrieval = new Retrieval(models.knowledge().map(KnowledgeServing::shelf), embeddingPool, ragDefaults);
    RetrieveRoute retrieve = new RetrieveRoute(reader, replies, retrieval, ragDefaults, embeddingPool);
    router.post("/v1/retrieve").handler(guarded(replies, metrics, "retrieve", retrieve::handle));
    models.knowledge().ifPresent(k -> {
      KnowledgeRoutes kb = new KnowledgeRoutes(k, replies, reader, embeddingPool);
      router.get("/v1/knowledge").handler(kb::list);
      router.post("/admin/knowledge").handler(guarded(replies, metrics, "admin", kb::add));
      router.delete("/admin/knowledge/:name").handler(guarded(replies, metrics, "admin", kb::remove));
      k.uploads().ifPresent(u -> {
        UploadRoutes up = new UploadRoutes(u, k, replies, reader, builds, Clock.systemUTC());
        router.post("/v1/files").handler(guarded(replies, metrics, "files", up::upload));
        router.get("/v1/files").handler(guarded(replies, metrics, "files", up::list));
        router.post("/v1/chunks").handler(guarded(replies, metrics, "chunks", up::chunks));
        router.post("/v1/create/rag").handler(guarded(replies, metrics, "create_rag", up::createRag));
      });
    });
    if (models.chat().isPresent()) {
      ChatEngine chat = models.chat().get();
      ModelNames names = new ModelNames(chat.model().id(), config.chatModelAliases());
      GenerationRunner runner = new GenerationRunner(vertx, chat, slots, metrics, replies, config.requestTimeout());
      ChatRoute chatRoute = new ChatRoute(chat, reader, runner, names, config, ids, retrieval, replies);
      CompletionRoute completionRoute = new CompletionRoute(chat, reader, runner, names, config, ids);
      router.post("/v1/chat/completions").handler(guarded(replies, metrics, "chat", chatRoute::handle));
      router.post("/v1/completions").handler(guarded(replies, metrics, "completions", completionRoute::handle));
    } else if (models.knowledge().isPresent()) {
      PassagesRoute passages = new PassagesRoute(reader, replies, retrieval, ids, "gaia-retrieval");
      router.post("/v1/chat/completions").handler(guarded(replies, metrics, "chat", passages::handle));
      router.post("/v1/completions").handler(ctx -> replies.error(ctx, new GaiaException(
          ErrorKind.UNAVAILABLE, "This node has no chat model (retrieval-only); use /v1/chat/completions or /v1/retrieve.",
          "model", "no_chat_model")));
    } else {
      Handler<RoutingContext> noChat = ctx -> replies.error(ctx, new GaiaException(
          ErrorKind.UNAVAILABLE, "This node has no chat model configured.", "model", "no_chat_model"));
      router.post("/v1/chat/completions").handler(noChat);
      router.post("/v1/completions").handler(noChat);
    }
    if (models.embedding().isPresent()) {
      EmbeddingRoute embeddings =
          new EmbeddingRoute(models.embedding().get(), reader, embeddingPool, replies, metrics, models.embeddingAliases());
      router.post("/v1/embeddings").handler(guarded(replies, metrics, "embeddings", embeddings::handle));
    } else {
      router.post("/v1/embeddings").handler(ctx -> replies.error(ctx, new GaiaException(
          ErrorKind.UNAVAILABLE, "This node has no embedding model configured.", "model", "no_embedding_model")));
    }

    router.route().failureHandler(ctx -> {
      Throwable failure = ctx.failure();
      if (failure == null) {
        replies.error(ctx, statusError(ctx.statusCode(), config));
      } else {
        replies.error(ctx, failure);
      }
    });
    router.errorHandler(404, ctx -> replies.error(ctx, new GaiaException(
        ErrorKind.NOT_FOUND, "Unknown path " + ctx.request().method() + " " + ctx.request().path() + ".", null, "unknown_url")));
    router.errorHandler(405, ctx -> replies.error(ctx, new GaiaException(
        ErrorKind.METHOD_NOT_ALLOWED, "Method " + ctx.request().method() + " is not allowed on " + ctx.request().path() + ".", null, "method_not_allowed")));

    HttpServer server = vertx.createHttpServer(
        new HttpServerOptions().setHost(config.host()).setPort(config.port()).setCompressionSupported(false));
    server.requestHandler(router);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      slots.close();
      embeddingPool.close();
      builds.close();
      vertx.close();
      if (e.getCause() instanceof BindException) {
        throw new GaiaException(
            ErrorKind.UNAVAILABLE,
            "Port " + config.port() + " on " + config.host() + " is already in use; stop what uses it or set another port (gaia node config set port N).",
            "port",
            "port_in_use");
      }
      throw new GaiaException(ErrorKind.INTERNAL, "Cannot start the HTTP server: " + e.getCause().getMessage(), null, null, null, e);
    } catch (InterruptedException | TimeoutException e) {
      slots.close();
      embeddingPool.close();
      builds.close();
      vertx.close();
      throw GaiaException.internal("The HTTP server did not start in time.", e);
    }
    NodeServer node = new NodeServer(vertx, server, slots, embeddingPool, builds, config.host());
    self[0] = node;
    LOG.log(System.Logger.Level.INFO, "node listening on " + node.url());
    return node;
  }

  private static GaiaException statusError(int status, NodeServerConfig config) {
    return switch (status) {
      case 413 -> new GaiaException(ErrorKind.PAYLOAD_TOO_LARGE,
          "The request body exceeds the node's limit of " + config.maxBodyBytes() + " bytes.", null, "payload_too_large");
      case 404 -> new GaiaException(ErrorKind.NOT_FOUND, "Not found.", null, "unknown_url");
      case 405 -> new GaiaException(ErrorKind.METHOD_NOT_ALLOWED, "Method not allowed.", null, "method_not_allowed");
      case 400 -> new GaiaException(ErrorKind.INVALID_REQUEST, "Bad request.", null, "invalid_request");
      default -> new GaiaException(ErrorKind.INTERNAL, "The node failed to process the request.", null, "internal_error");
    };
  }

  /** Synchronous validation errors thrown by a handler become error replies here, once. */
  private static Handler<RoutingContext> guarded(
      HttpReplies replies, NodeMetrics metrics, String endpoint, Handler<RoutingContext> handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (GaiaException e) {
        metrics.request(endpoint, e.kind().status());
        replies.error(ctx, e);
      }
    };
  }

  public int port() {
    return server.actualPort();
  }

  /** Base URL clients use, e.g. {@code http://127.0.0.1:8080}; a wildcard host shows as loopback. */
  public URI url() {
    String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    if (h.contains(":")) {
      h = "[" + h + "]";
    }
    return URI.create("http://" + h + ":" + port());
  }

  /** Stops accepting connections, then closes the pools and Vert.x. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return; // idempotent: a second close finds nothing to do
    }
    ready = false;
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.WARNING, "HTTP server did not close cleanly: " + e);
    }
    slots.close();
    embeddingPool.close();
    builds.close();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.WARNING, "Vert.x did not close cleanly: " + e);
    }
  }

  /**
   * The models a node serves; either may be absent (a knowledge-only node has no chat model), and
   * the knowledge it answers from, when any.
   */
  public record NodeModels(
      Optional<ChatEngine> chat,
      Optional<EmbeddingEngine> embedding,
      List<String> embeddingAliases,
      Optional<KnowledgeServing> knowledge) {
    public NodeModels {
      java.util.Objects.requireNonNull(chat, "chat");
      java.util.Objects.requireNonNull(embedding, "embedding");
      embeddingAliases = List.copyOf(embeddingAliases);
      java.util.Objects.requireNonNull(knowledge, "knowledge");
    }

    /** Models without knowledge. */
    public NodeModels(Optional<ChatEngine> chat, Optional<EmbeddingEngine> embedding, List<String> embeddingAliases) {
      this(chat, embedding, embeddingAliases, Optional.empty());
    }
  }
}
