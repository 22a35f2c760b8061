package dev.gaia.node;

import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/knowledge} lists what the node serves; {@code POST /admin/knowledge} (body
 * {@code {"name","path"}}) and {@code DELETE /admin/knowledge/:name} change it while the node
 * runs. Admin calls need {@code Authorization: Bearer <token>}, the token the node wrote into its
 * home for the local CLI.
 */
final class KnowledgeRoutes {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final KnowledgeServing serving;
  private final HttpReplies replies;
  private final RequestReader reader;
  private final SlotScheduler pool;

  KnowledgeRoutes(KnowledgeServing serving, HttpReplies replies, RequestReader reader, SlotScheduler pool) {
    this.serving = serving;
    this.replies = replies;
    this.reader = reader;
    this.pool = pool;
  }

  static List<Map<String, Object>> describe(List<KnowledgeBase> bases) {
    return bases.stream().map(KnowledgeRoutes::describe).toList();
  }

  static Map<String, Object> describe(KnowledgeBase kb) {
    var m = kb.manifest();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", kb.name());
    out.put("content_id", kb.contentId().value());
    out.put("embedding_model", m.embeddingModel());
    out.put("dimension", m.dimension());
    out.put("documents", m.documents().size());
    out.put("chunks", m.chunkCount());
    out.put("chunker", m.chunker().kind().wire());
    out.put("created_at", m.createdAt().toString());
    return out;
  }

  void list(RoutingContext ctx) {
    replies.json(ctx, 200, Map.of("object", "list", "data", describe(serving.shelf().list())));
  }

  void add(RoutingContext ctx) {
    authorise(ctx);
    AddRequest req = reader.read(ctx, AddRequest.class);
    String name = name(req.name());
    if (req.path() == null || req.path().isBlank()) {
      throw GaiaException.invalid("path", "path (of a .gkb file on the node's machine) is required.");
    }
    Path file = Path.of(req.path());
    if (!Files.isRegularFile(file)) {
      throw GaiaException.notFound("path", "No file at " + file + ".");
    }
    Retrieval.onContext(ctx.vertx(), pool.submit(() -> {
      KnowledgeBase kb = serving.opener().open(file, name);
      try {
        serving.shelf().put(kb);
      } catch (RuntimeException e) {
        kb.close();
        throw e;
      }
      return kb;
    }), (kb, failure) -> {
      if (failure != null) {
        replies.error(ctx, failure);
      } else {
        replies.json(ctx, 200, describe(kb));
      }
    });
  }

  void remove(RoutingContext ctx) {
    authorise(ctx);
    String name = name(ctx.pathParam("name"));
    if (!serving.shelf().remove(name)) {
      throw GaiaException.notFound("name", "No knowledge base named '" + name + "' on this node.");
    }
    replies.json(ctx, 200, Map.of("name", name, "removed", true));
  }

  static String name(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw GaiaException.invalid("name",
          "A knowledge base name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
    }
    return name;
  }

  private void authorise(RoutingContext ctx) {
    String expected = serving.adminToken().orElseThrow(() -> new GaiaException(
        ErrorKind.NOT_FOUND, "Admin endpoints are disabled on this node.", null, "unknown_url"));
    String header = ctx.request().getHeader("Authorization");
    String given = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
      throw new GaiaException(ErrorKind.UNAUTHORIZED, "Missing or wrong admin token.", null, "invalid_admin_token");
    }
  }

  record AddRequest(String name, String path) {}

}
