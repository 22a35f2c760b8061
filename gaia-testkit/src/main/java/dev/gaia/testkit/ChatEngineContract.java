package dev.gaia.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.inference.Cancellation;
import dev.gaia.inference.ChatEngine;
import dev.gaia.inference.ChatTurn;
import dev.gaia.inference.GenerationRequest;
import dev.gaia.inference.GenerationResult;
import dev.gaia.inference.GenerationResult.FinishReason;
import dev.gaia.inference.SamplingParams;
import dev.gaia.inference.TokenPiece;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link ChatEngine} must show, on the synthetic {@link
 * SyntheticModelSpec#tiny()} model (whose random weights never pick an end-of-generation token,
 * so generations run to their limit). Engine tests extend this class and provide the engine:
 * loaded with at least 2 parallel slots and a context of at least 256 tokens per slot.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class ChatEngineContract {

  /** The engine under test; the same instance for every test of the class. */
  protected abstract ChatEngine engine();

  private static GenerationRequest greedy(String prompt, int maxTokens, List<String> stop) {
    return new GenerationRequest(prompt, maxTokens, SamplingParams.greedy(), stop, Optional.empty(), -1);
  }

  private String run(GenerationRequest request, List<TokenPiece> pieces) {
    GenerationResult r = engine().generate(request, pieces::add, new Cancellation());
    assertThat(r.completionTokens()).isPositive();
    StringBuilder text = new StringBuilder();
    pieces.forEach(p -> text.append(p.text()));
    return text.toString();
  }

  @Test
  void tokenizes_words_into_tokens() {
    assertThat(engine().tokenize("hello world")).hasSizeBetween(2, 4);
    assertThat(engine().tokenize("")).isEmpty();
  }

  @Test
  void renders_chat_with_the_template() {
    String prompt = engine().renderChat(List.of(new ChatTurn("system", "be brief"), new ChatTurn("user", "hi")));
    assertThat(prompt).contains("be brief").contains("hi");
    assertThat(prompt).isNotEqualTo("be brief\nhi");
  }

  @Test
  void stops_at_max_tokens_with_length_and_exact_counts() {
    List<TokenPiece> pieces = new ArrayList<>();
    GenerationResult r = engine().generate(greedy("the sea is", 7, List.of()), pieces::add, new Cancellation());
    assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(r.completionTokens()).isEqualTo(7);
    assertThat(pieces).hasSize(7);
    assertThat(r.promptTokens()).isGreaterThanOrEqualTo(engine().tokenize("the sea is").length);
    assertThat(r.timeToFirstToken()).isLessThanOrEqualTo(r.total());
  }

  @Test
  void greedy_generation_is_deterministic() {
    String a = run(greedy("once upon a time", 12, List.of()), new ArrayList<>());
    String b = run(greedy("once upon a time", 12, List.of()), new ArrayList<>());
    assertThat(b).isEqualTo(a);
  }

  @Test
  void seeded_sampling_is_reproducible() {
    SamplingParams hot = new SamplingParams(1.0, 0.95, 40, 0.0, 0, 0, 1.0, 99);
    GenerationRequest req = new GenerationRequest("a story", 12, hot, List.of(), Optional.empty(), -1);
    assertThat(run(req, new ArrayList<>())).isEqualTo(run(req, new ArrayList<>()));
  }

  @Test
  void stop_strings_end_the_output_before_the_match_even_across_tokens() {
    String full = run(greedy("the weather", 20, List.of()), new ArrayList<>());
    assertThat(full.length()).isGreaterThan(8);
    // A stop string that starts inside one token and ends in the next.
    String stop = full.substring(full.length() / 2 - 1, full.length() / 2 + 2);
    List<TokenPiece> pieces = new ArrayList<>();
    GenerationResult r = engine().generate(greedy("the weather", 20, List.of(stop)), pieces::add, new Cancellation());
    StringBuilder text = new StringBuilder();
    pieces.forEach(p -> text.append(p.text()));
    assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(text.toString()).isEqualTo(full.substring(0, full.indexOf(stop)));
  }

  @Test
  void cancellation_stops_the_generation_and_frees_the_slot() {
    Cancellation cancel = new Cancellation();
    List<TokenPiece> pieces = new ArrayList<>();
    GenerationResult r = engine().generate(greedy("go on", 200, List.of()), piece -> {
      pieces.add(piece);
      if (pieces.size() == 3) {
        cancel.cancel();
      }
    }, cancel);
    assertThat(r.finishReason()).isEqualTo(FinishReason.CANCELLED);
    assertThat(pieces.size()).isLessThan(10);
    assertThat(engine().stats().activeGenerations()).isZero();
    // The slot is usable again.
    assertThat(run(greedy("again", 3, List.of()), new ArrayList<>())).isNotNull();
  }

  @Test
  void concurrent_generations_give_the_same_greedy_text_as_one_alone() throws Exception {
    String alone = run(greedy("parallel worlds", 10, List.of()), new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(engine().parallelSlots());
    try {
      List<Future<String>> all = new ArrayList<>();
      for (int i = 0; i < engine().parallelSlots(); i++) {
        all.add(pool.submit(() -> run(greedy("parallel worlds", 10, List.of()), new ArrayList<>())));
      }
      for (Future<String> f : all) {
        assertThat(f.get()).isEqualTo(alone);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_prompt_longer_than_the_context_is_a_context_overflow() {
    String prompt = "hello world ".repeat(engine().model().contextSize());
    assertThatThrownBy(() -> engine().generate(greedy(prompt, 5, List.of()), TokenPiece -> {}, new Cancellation()))
        .isInstanceOfSatisfying(GaiaException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.CONTEXT_OVERFLOW);
          assertThat(e.getMessage()).contains(Integer.toString(engine().model().contextSize()));
        });
  }

  @Test
  void a_sink_that_throws_stops_the_generation() {
    assertThatThrownBy(() -> engine().generate(greedy("boom", 50, List.of()), piece -> {
      throw new IllegalStateException("client gone");
    }, new Cancellation())).hasMessageContaining("client gone");
    assertThat(engine().stats().activeGenerations()).isZero();
    assertThat(run(greedy("still alive", 3, List.of()), new ArrayList<>())).isNotNull();
  }
}
