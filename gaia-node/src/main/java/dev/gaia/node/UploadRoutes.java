package dev.gaia.node;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.ChunkerSettings;
import dev.gaia.knowledge.Document;
import dev.gaia.knowledge.KnowledgeBase;
import dev.gaia.knowledge.build.BuildPlan;
import dev.gaia.knowledge.build.BuildProgress;
import dev.gaia.knowledge.build.BuildResult;
import dev.gaia.knowledge.build.KnowledgeBuilder;
import dev.gaia.knowledge.chunk.Chunkers;
import dev.gaia.knowledge.index.IndexSettings;
import dev.gaia.knowledge.load.DocumentLoader;
import dev.gaia.knowledge.load.LoadSettings;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.files.AtomicFiles;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * LlamaEdge's document endpoints: {@code POST /v1/files} (multipart upload), {@code GET /v1/files},
 * {@code POST /v1/chunks} (how a stored file would be cut) and {@code POST /v1/create/rag}
 * (multipart upload, or {@code {"id"}} of a stored file: the file joins the node's uploads
 * knowledge base, which is rebuilt incrementally and swapped in without a restart).
 */
final class UploadRoutes {
  static final Set<String> EXTENSIONS = Set.of("txt", "md", "markdown", "html", "htm", "pdf", "csv", "jsonl");

  private final Uploads uploads;
  private final KnowledgeServing serving;
  private final HttpReplies replies;
  private final RequestReader reader;
  private final SlotScheduler builds;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  UploadRoutes(Uploads uploads, KnowledgeServing serving, HttpReplies replies, RequestReader reader, SlotScheduler builds, Clock clock) {
    this.uploads = uploads;
    this.serving = serving;
    this.replies = replies;
    this.reader = reader;
    this.builds = builds;
    this.clock = clock;
  }

  record StoredFile(String id, String object, long bytes, long createdAt, String filename, String purpose) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ChunksRequest(String id, String filename, Integer chunkCapacity) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CreateRagRequest(String id) {}

  void upload(RoutingContext ctx) {
    replies.json(ctx, 200, store(singleUpload(ctx)));
  }

  void list(RoutingContext ctx) {
    replies.json(ctx, 200, Map.of("object", "list", "data", stored()));
  }

  void chunks(RoutingContext ctx) {
    ChunksRequest req = reader.read(ctx, ChunksRequest.class);
    StoredFile file = find(req.id());
    ChunkerSettings settings = uploads.chunker();
    if (req.chunkCapacity() != null) {
      if (req.chunkCapacity() < 16 || req.chunkCapacity() > 8192) {
        throw GaiaException.invalid("chunk_capacity", "chunk_capacity must be between 16 and 8192 tokens.");
      }
      settings = new ChunkerSettings(settings.kind(), req.chunkCapacity(), Math.min(settings.overlapTokens(), req.chunkCapacity() / 4),
          settings.headingLevel(), settings.csvEmbedColumn(), settings.csvSourceColumn());
    }
    ChunkerSettings chosen = settings;
    Retrieval.onContext(ctx.vertx(), builds.submit(() -> {
      Path path = path(file);
      Document doc = DocumentLoader.create(LoadSettings.forChunker(chosen)).load(path, file.filename());
      ChunkerSettings s = doc.mediaType().equals("text/csv") ? chosen.withKind(ChunkerSettings.Kind.CSV) : chosen;
      return Chunkers.create(s).chunk(doc).stream().map(Chunk::text).toList();
    }), (texts, failure) -> {
      if (failure != null) {
        replies.error(ctx, failure);
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", file.id());
      body.put("filename", file.filename());
      body.put("chunks", texts);
      replies.json(ctx, 200, body);
    });
  }

  void createRag(RoutingContext ctx) {
    StoredFile file;
    if (!ctx.fileUploads().isEmpty()) {
      file = store(singleUpload(ctx));
    } else {
      CreateRagRequest req = reader.read(ctx, CreateRagRequest.class);
      file = find(req.id());
    }
    StoredFile added = file;
    CompletableFuture<Map<String, Object>> done = builds.submit(() -> rebuild(added));
    Retrieval.onContext(ctx.vertx(), done, (body, failure) -> {
      if (failure != null) {
        replies.error(ctx, failure);
      } else {
        replies.json(ctx, 200, body);
      }
    });
  }

  /** Runs on the single build thread: rebuilds are serialised. */
  private Map<String, Object> rebuild(StoredFile added) {
    KnowledgeBuilder builder = new KnowledgeBuilder(serving.shelf().embedder(), IndexSettings.defaults(), clock);
    BuildPlan plan = BuildPlan.of(List.of(uploads.files()), uploads.packageFile(), uploads.name(), uploads.chunker());
    BuildResult result = builder.build(plan, BuildProgress.silent());
    KnowledgeBase kb = serving.opener().open(uploads.packageFile(), uploads.name());
    try {
      serving.shelf().put(kb);
    } catch (RuntimeException e) {
      kb.close();
      throw e;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("file_id", added.id());
    body.put("filename", added.filename());
    body.put("knowledge_base", uploads.name());
    body.put("content_id", result.contentId().value());
    body.put("documents", result.manifest().documents().size());
    body.put("chunks", result.manifest().chunkCount());
    body.put("embedded", result.embedded());
    body.put("reused", result.reused());
    body.put("skipped", result.problems().stream().map(Object::toString).toList());
    return body;
  }

  private FileUpload singleUpload(RoutingContext ctx) {
    List<FileUpload> files = ctx.fileUploads();
    if (files.size() != 1) {
      throw GaiaException.invalid("file", "Send exactly one file as multipart/form-data field 'file' (got " + files.size() + ").");
    }
    return files.getFirst();
  }

  private StoredFile store(FileUpload upload) {
    String name = safeName(upload.fileName());
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "";
    if (!EXTENSIONS.contains(ext)) {
      throw GaiaException.invalid("file", "Unsupported file type '" + name + "'; send one of " + new java.util.TreeSet<>(EXTENSIONS) + ".");
    }
    byte[] id = new byte[12];
    random.nextBytes(id);
    String fileId = "file_" + HexFormat.of().formatHex(id);
    Path target = uploads.files().resolve(fileId).resolve(name);
    try {
      AtomicFiles.write(target, Files.readAllBytes(Path.of(upload.uploadedFileName())));
      return new StoredFile(fileId, "file", Files.size(target), clock.instant().getEpochSecond(), name, "assistants");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<StoredFile> stored() {
    if (!Files.isDirectory(uploads.files())) {
      return List.of();
    }
    List<StoredFile> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(uploads.files())) {
      for (Path dir : dirs.sorted().toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
            out.add(new StoredFile(dir.getFileName().toString(), "file", Files.size(f),
                Files.getLastModifiedTime(f).toInstant().getEpochSecond(), f.getFileName().toString(), "assistants"));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private StoredFile find(String id) {
    if (id == null || !id.matches("file_[0-9a-f]{24}")) {
      throw GaiaException.invalid("id", "id must be a file id returned by POST /v1/files.");
    }
    Optional<StoredFile> f = stored().stream().filter(s -> s.id().equals(id)).findFirst();
    return f.orElseThrow(() -> new GaiaException(ErrorKind.NOT_FOUND, "No uploaded file with id " + id + ".", "id", "file_not_found"));
  }

  private Path path(StoredFile f) {
    return uploads.files().resolve(f.id()).resolve(f.filename());
  }

  /** The last path segment, without characters that could escape the folder. */
  static String safeName(String name) {
    String base = name == null ? "" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
    if (base.isEmpty() || base.startsWith(".")) {
      throw GaiaException.invalid("file", "The uploaded file needs a name with an extension.");
    }
    return base;
  }
}
