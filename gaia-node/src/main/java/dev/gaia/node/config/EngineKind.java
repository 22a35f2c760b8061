package dev.gaia.node.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which chat engine runs the model: our {@code engine} field. */
public enum EngineKind {
  /** llama.cpp b4916 in-process through JNI ({@code de.kherud:llama:4.2.0}). */
  LLAMA_CPP_JNI("llama-cpp-jni");

  private final String wireName;

  EngineKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name in config.json. */
  public String wireName() {
    return wireName;
  }

  static EngineKind parse(String field, String text) {
    for (EngineKind e : values()) {
      if (e.wireName.equals(text.strip())) {
        return e;
      }
    }
    throw InvalidConfigException.of(
        field,
        "must be one of "
            + Arrays.stream(values()).map(EngineKind::wireName).collect(Collectors.joining(", "))
            + ", got \""
            + text
            + "\"");
  }
}
