package dev.gaia.node;

import dev.gaia.inference.ChatTurn;
import dev.gaia.protocol.GaiaException;
import dev.gaia.protocol.openai.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a request's messages into engine turns; adds Gaia's configured system prompt when the
 * request has no system message. OpenAI's {@code developer} role is a system message here.
 */
final class ChatTurns {
  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

  private ChatTurns() {}

  static List<ChatTurn> from(List<ChatMessage> messages, Optional<String> systemPrompt) {
    if (messages == null || messages.isEmpty()) {
      throw GaiaException.invalid("messages", "messages must be a non-empty array.");
    }
    List<ChatTurn> turns = new ArrayList<>(messages.size() + 1);
    boolean hasSystem = false;
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      String param = "messages[" + i + "]";
      if (m == null) {
        throw GaiaException.invalid(param, param + " must be an object.");
      }
      if (m.role() == null || !ROLES.contains(m.role())) {
        throw GaiaException.invalid(
            param + ".role", param + ".role must be one of " + ROLES + ", got '" + m.role() + "'.");
      }
      String text;
      try {
        text = m.text();
      } catch (IllegalArgumentException e) {
        throw GaiaException.invalid(param + ".content", param + ".content: " + e.getMessage());
      }
      String role = m.role().equals("developer") ? "system" : m.role();
      hasSystem |= role.equals("system");
      turns.add(new ChatTurn(role, text));
    }
    if (!hasSystem && systemPrompt.filter(s -> !s.isBlank()).isPresent()) {
      turns.addFirst(new ChatTurn("system", systemPrompt.orElseThrow()));
    }
    return turns;
  }

}
