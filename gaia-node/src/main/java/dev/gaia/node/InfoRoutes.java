package dev.gaia.node;

import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.EmbeddingEngine;
import dev.gaia.inference.ModelDescriptor;
import dev.gaia.protocol.NodeInfo;
import dev.gaia.protocol.openai.ModelList;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /v1/models}, {@code /v1/info}, {@code /health}, {@code /ready}. */
final class InfoRoutes {
  private final NodeServer.NodeModels models;
  private final HttpReplies replies;
  private final SlotScheduler slots;
  private final NodeServerConfig config;
  private final Map<String, Object> configView;
  private final String version;
  private final BooleanSupplier ready;
  private final long started = Instant.now().getEpochSecond();

  InfoRoutes(
      NodeServer.NodeModels models,
      HttpReplies replies,
      SlotScheduler slots,
      NodeServerConfig config,
      Map<String, Object> configView,
      String version,
      BooleanSupplier ready) {
    this.models = models;
    this.replies = replies;
    this.slots = slots;
    this.config = config;
    this.configView = Map.copyOf(configView);
    this.version = version;
    this.ready = ready;
  }

  void health(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("status", "ok").encode());
  }

  void ready(RoutingContext ctx) {
    boolean ok = ready.getAsBoolean();
    ctx.response()
        .setStatusCode(ok ? 200 : 503)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", ok ? "ready" : "not ready").encode());
  }

  void models(RoutingContext ctx) {
    List<ModelList.Model> list = new ArrayList<>();
    if (models.chat().isEmpty() && models.knowledge().isPresent()) {
      list.add(ModelList.Model.of("gaia-retrieval", started, "gaia"));
    }
    models.chat().ifPresent(c -> {
      list.add(ModelList.Model.of(c.model().id(), started, "gaia"));
      config.chatModelAliases().stream()
          .filter(a -> !a.equals(c.model().id()))
          .forEach(a -> list.add(ModelList.Model.of(a, started, "gaia")));
    });
    models.embedding().ifPresent(e -> {
      list.add(ModelList.Model.of(e.modelId(), started, "gaia"));
      models.embeddingAliases().stream()
          .filter(a -> !a.equals(e.modelId()))
          .forEach(a -> list.add(ModelList.Model.of(a, started, "gaia")));
    });
    replies.json(ctx, 200, ModelList.of(list));
  }

  void info(RoutingContext ctx) {
    List<NodeInfo.Model> list = new ArrayList<>();
    models.chat().map(ChatEngine::model).ifPresent(m -> list.add(chat(m)));
    if (models.chat().isEmpty() && models.knowledge().isPresent()) {
      // Retrieval-only: chat requests are answered with passages under this model name.
      list.add(new NodeInfo.Model("gaia-retrieval", "chat", "retrieval", "knowledge", null, 0, "retrieval", 0, null));
    }
    models.embedding().ifPresent(e -> list.add(embedding(e)));
    NodeInfo body =
        new NodeInfo(
            version,
            config.nodeAddress().orElse(null),
            list,
            new NodeInfo.Slots(slots.slots(), slots.running(), slots.queued(), config.queueLimit()),
            hardware(),
            configView,
            models.knowledge().map(k -> KnowledgeRoutes.describe(k.shelf().list())).orElse(List.of()));
    replies.json(ctx, 200, body);
  }

  private static NodeInfo.Model chat(ModelDescriptor m) {
    return new NodeInfo.Model(
        m.id(), "chat", "llama.cpp", m.file().toString(), m.sha256(), m.sizeBytes(), m.architecture(), m.contextSize(), null);
  }

  private static NodeInfo.Model embedding(EmbeddingEngine e) {
    return new NodeInfo.Model(e.modelId(), "embedding", "onnx", "bundled", null, 0, "bert", 256, e.dimension());
  }

  private static NodeInfo.Hardware hardware() {
    long memory = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return new NodeInfo.Hardware(
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        memory,
        Runtime.version().toString(),
        List.of());
  }
}
