package dev.gaia.knowledge.rag;

/** Where retrieved context goes, with Gaia's names. */
public enum RagPolicy {
  /** Appended to the system prompt (a system message is created when there is none). */
  SYSTEM_MESSAGE("system-message"),
  /** Put before the text of the last user message. */
  LAST_USER_MESSAGE("last-user-message");

  private final String wire;

  RagPolicy(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static RagPolicy parse(String text) {
    for (RagPolicy p : values()) {
      if (p.wire.equals(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException("rag_policy must be system-message or last-user-message, got '" + text + "'");
  }
}
