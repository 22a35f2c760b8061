package dev.gaia.protocol;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/info}: what a node serves and on what. Domains read it during admission.
 *
 * @param version Gaia node version
 * @param node the node's address (id), or null when it has no identity yet
 * @param models every loaded model with its file hash
 * @param slots parallel slots and current load
 * @param hardware the machine
 * @param config the node's config fields as loaded (Gaia's names), including ones not used yet
 * @param knowledgeBases the knowledge bases served: name, content id, embedding model, counts
 */
public record NodeInfo(
    String version,
    String node,
    List<Model> models,
    Slots slots,
    Hardware hardware,
    Map<String, Object> config,
    List<Map<String, Object>> knowledgeBases) {
  public NodeInfo {
    models = List.copyOf(models);
    config = Map.copyOf(config);
    knowledgeBases = List.copyOf(knowledgeBases);
  }

  /** {@code type} is {@code chat} or {@code embedding}. */
  public record Model(
      String id,
      String type,
      String engine,
      String file,
      String sha256,
      long sizeBytes,
      String architecture,
      int contextSize,
      Integer dimension) {}

  public record Slots(int total, int busy, int queued, int queueLimit) {}

  public record Hardware(
      String os, String arch, int cpus, long memoryBytes, String jvm, List<String> accelerators) {
    public Hardware {
      accelerators = List.copyOf(accelerators);
    }
  }
}
