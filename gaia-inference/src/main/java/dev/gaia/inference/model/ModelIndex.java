package dev.gaia.inference.model;

import java.util.List;

/** The whole {@code index.json} in its wire shape; {@code version} is {@link #VERSION}. */
record ModelIndex(int version, List<IndexEntry> models) {
  static final int VERSION = 1;

  ModelIndex {
    models = models == null ? List.of() : List.copyOf(models);
  }
}
