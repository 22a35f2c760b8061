package dev.gaia.knowledge.rag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.inference.ChatTurn;
import dev.gaia.knowledge.Chunk;
import dev.gaia.knowledge.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RagAssemblerTest {
  static Hit hit(String text) {
    return new Hit(new Chunk("id-" + text.hashCode(), "a.md", "A", List.of(), 0, 0, text.length(), text, text), 0.8, 1, 0);
  }

  static final List<ChatTurn> CHAT = List.of(
      new ChatTurn("system", "You are helpful."),
      new ChatTurn("user", "first question"),
      new ChatTurn("assistant", "an answer"),
      new ChatTurn("user", "second question"));

  @Test
  void query_takes_the_last_user_messages_oldest_first() {
    assertThat(RagAssembler.query(CHAT, 1)).isEqualTo("second question");
    assertThat(RagAssembler.query(CHAT, 2)).isEqualTo("first question\nsecond question");
    assertThat(RagAssembler.query(CHAT, 5)).isEqualTo("first question\nsecond question");
    assertThat(RagAssembler.query(List.of(new ChatTurn("system", "x")), 1)).isEmpty();
  }

  @Test
  void system_message_policy_appends_prompt_and_context_to_the_system_prompt() {
    List<ChatTurn> out = RagAssembler.apply(CHAT, List.of(hit("Passage one."), hit("Passage two.")),
        RagPolicy.SYSTEM_MESSAGE, "Use the context:\n----------------\n");
    assertThat(out.getFirst().content())
        .isEqualTo("You are helpful.\nUse the context:\n----------------\nPassage one.\n\nPassage two.");
    assertThat(out.subList(1, out.size())).isEqualTo(CHAT.subList(1, CHAT.size()));
  }

  @Test
  void system_message_policy_creates_a_system_message_when_missing() {
    List<ChatTurn> out = RagAssembler.apply(List.of(new ChatTurn("user", "q")), List.of(hit("P.")),
        RagPolicy.SYSTEM_MESSAGE, "Ctx:");
    assertThat(out).containsExactly(new ChatTurn("system", "Ctx:\nP."), new ChatTurn("user", "q"));
  }

  @Test
  void last_user_message_policy_prefixes_the_last_user_turn() {
    List<ChatTurn> out = RagAssembler.apply(CHAT, List.of(hit("P.")), RagPolicy.LAST_USER_MESSAGE, "Ctx:");
    assertThat(out.getLast()).isEqualTo(new ChatTurn("user", "Ctx:\nP.\n\nsecond question"));
    assertThat(out.get(1).content()).isEqualTo("first question");
  }

  @Test
  void no_hits_no_change() {
    assertThat(RagAssembler.apply(CHAT, List.of(), RagPolicy.SYSTEM_MESSAGE, "Ctx:")).isEqualTo(CHAT);
  }
}
