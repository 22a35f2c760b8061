package dev.gaia.knowledge.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordPieceEstimateTest {
  private final TokenCounter counter = TokenCounter.approximate();

  @Test
  void words_punctuation_numbers_and_cjk_follow_the_documented_rule() {
    assertThat(counter.count("")).isZero();
    assertThat(counter.count("the node")).isEqualTo(2);
    assertThat(counter.count("configuration")).isEqualTo(2); // 13 letters: two 8-letter pieces begun
    assertThat(counter.count("config.json,")).isEqualTo(4);
    assertThat(counter.count("8080 2025")).isEqualTo(4);
    assertThat(counter.count("日本語")).isEqualTo(3);
    assertThat(counter.count("naïve café")).isEqualTo(2);
  }

  @Test
  void english_prose_comes_out_near_1_3_tokens_per_word() {
    String prose =
        "A node needs about as much memory as its model file, plus room for the context of the"
            + " conversations it serves. Plan for one and a half times the file size; a model with seven"
            + " billion parameters, quantized to four bits, is a file of four to five gigabytes.";
    double words = prose.split("\\s+").length;
    assertThat(counter.count(prose) / words).isBetween(1.1, 1.5);
  }

  @Test
  void counts_add_up_over_whitespace_separated_pieces() {
    String text = "Restart=on-failure brings it back, after 3 crashes; (really).";
    int sum = 0;
    for (String piece : text.split(" ")) {
      sum += counter.count(piece);
    }
    assertThat(counter.count(text)).isEqualTo(sum);
  }
}
