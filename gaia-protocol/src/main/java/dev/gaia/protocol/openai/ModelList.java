package dev.gaia.protocol.openai;

import java.util.List;

/** {@code GET /v1/models}. */
public record ModelList(String object, List<Model> data) {
  public ModelList {
    data = List.copyOf(data);
  }

  public static ModelList of(List<Model> models) {
    return new ModelList("list", models);
  }

  public record Model(String id, String object, long created, String ownedBy) {
    public static Model of(String id, long created, String ownedBy) {
      return new Model(id, "model", created, ownedBy);
    }
  }
}
