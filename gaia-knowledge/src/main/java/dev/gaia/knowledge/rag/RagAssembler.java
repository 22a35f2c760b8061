package dev.gaia.knowledge.rag;

import dev.gaia.inference.ChatTurn;
import dev.gaia.knowledge.Hit;
import java.util.ArrayList;
import java.util.List;

/**
 * Gaia's RAG semantics: the query is the text of the last {@code contextWindow} user messages,
 * and the retrieved passages go into the conversation as the policy says, after the
 * {@code rag_prompt}. Pure functions; the node does the retrieval.
 */
public final class RagAssembler {
  private RagAssembler() {}

  /**
   * The retrieval query: the last {@code contextWindow} user messages, oldest first, joined by
   * newlines. Empty when there is no user message.
   */
  public static String query(List<ChatTurn> turns, int contextWindow) {
    if (contextWindow < 1) {
      throw new IllegalArgumentException("context window must be >= 1");
    }
    List<String> users = new ArrayList<>();
    for (int i = turns.size() - 1; i >= 0 && users.size() < contextWindow; i--) {
      if (turns.get(i).role().equals("user")) {
        users.addFirst(turns.get(i).content());
      }
    }
    return String.join("\n", users);
  }

  /** The context block: the prompt, then each passage separated by blank lines. */
  public static String context(String ragPrompt, List<Hit> hits) {
    StringBuilder out = new StringBuilder(ragPrompt);
    if (!ragPrompt.isEmpty() && !ragPrompt.endsWith("\n")) {
      out.append('\n');
    }
    for (int i = 0; i < hits.size(); i++) {
      if (i > 0) {
        out.append("\n\n");
      }
      out.append(hits.get(i).chunk().text().strip());
    }
    return out.toString();
  }

  /** The conversation with the context put in place; unchanged when there are no hits. */
  public static List<ChatTurn> apply(List<ChatTurn> turns, List<Hit> hits, RagPolicy policy, String ragPrompt) {
    if (hits.isEmpty()) {
      return List.copyOf(turns);
    }
    String context = context(ragPrompt, hits);
    List<ChatTurn> out = new ArrayList<>(turns);
    switch (policy) {
      case SYSTEM_MESSAGE -> {
        int system = indexOf(out, "system", true);
        if (system >= 0) {
          ChatTurn s = out.get(system);
          out.set(system, new ChatTurn("system", s.content().isBlank() ? context : s.content() + "\n" + context));
        } else {
          out.addFirst(new ChatTurn("system", context));
        }
      }
      case LAST_USER_MESSAGE -> {
        int user = indexOf(out, "user", false);
        if (user >= 0) {
          out.set(user, new ChatTurn("user", context + "\n\n" + out.get(user).content()));
        } else {
          out.add(new ChatTurn("user", context));
        }
      }
    }
    return List.copyOf(out);
  }

  private static int indexOf(List<ChatTurn> turns, String role, boolean first) {
    if (first) {
      for (int i = 0; i < turns.size(); i++) {
        if (turns.get(i).role().equals(role)) {
          return i;
        }
      }
    } else {
      for (int i = turns.size() - 1; i >= 0; i--) {
        if (turns.get(i).role().equals(role)) {
          return i;
        }
      }
    }
    return -1;
  }
}
