package dev.gaia.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void double_star_slash_matches_any_folder_depth_including_none() {
    Glob md = Glob.of("**/*.md");
    assertThat(md.matches("a.md")).isTrue();
    assertThat(md.matches("x/y/a.md")).isTrue();
    assertThat(md.matches("a.mdx")).isFalse();
  }

  @Test
  void single_star_and_question_mark_stay_in_one_folder() {
    assertThat(Glob.of("docs/*.txt").matches("docs/a.txt")).isTrue();
    assertThat(Glob.of("docs/*.txt").matches("docs/sub/a.txt")).isFalse();
    assertThat(Glob.of("docs/**").matches("docs/sub/a.txt")).isTrue();
    assertThat(Glob.of("v?/a").matches("v1/a")).isTrue();
    assertThat(Glob.of("v?/a").matches("v10/a")).isFalse();
  }

  @Test
  void choices_classes_and_literal_dots() {
    Glob glob = Glob.of("**/*.{md,txt}");
    assertThat(glob.matches("a/b.txt")).isTrue();
    assertThat(glob.matches("a/b.html")).isFalse();
    assertThat(Glob.of("ch[0-9].md").matches("ch3.md")).isTrue();
    assertThat(Glob.of("ch[!0-9].md").matches("ch3.md")).isFalse();
    assertThat(Glob.of("a.md").matches("aXmd")).isFalse();
  }

  @Test
  void a_pattern_without_slash_matches_the_name_in_any_folder() {
    assertThat(Glob.of("*.tmp").matches("deep/down/x.tmp")).isTrue();
    assertThat(Glob.of("draft-*").matches("notes/draft-1.md")).isTrue();
  }

  @Test
  void malformed_globs_are_refused() {
    assertThatThrownBy(() -> Glob.of("{a,b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Glob.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
