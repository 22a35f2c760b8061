package dev.gaia.inference;

import java.util.Objects;

/** One message of a conversation as the engine sees it: a role and its plain text. */
public record ChatTurn(String role, String content) {
  public ChatTurn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }
}
