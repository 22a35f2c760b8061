package dev.gaia.node.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where retrieved context goes in the prompt: Gaia's {@code rag_policy}. */
public enum RagPolicy {
  /** Context is appended to the system message (after {@code rag_prompt}). */
  SYSTEM_MESSAGE("system-message"),
  /** Context is prepended to the last user message. */
  LAST_USER_MESSAGE("last-user-message");

  private final String wireName;

  RagPolicy(String wireName) {
    this.wireName = wireName;
  }

  /** The name in config.json. */
  public String wireName() {
    return wireName;
  }

  static RagPolicy parse(String field, String text) {
    for (RagPolicy p : values()) {
      if (p.wireName.equals(text.strip())) {
        return p;
      }
    }
    throw InvalidConfigException.of(
        field,
        "must be one of "
            + Arrays.stream(values()).map(RagPolicy::wireName).collect(Collectors.joining(", "))
            + ", got \""
            + text
            + "\"");
  }
}
