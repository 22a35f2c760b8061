package dev.gaia.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderScannerTest {
  @TempDir Path dir;

  private void touch(String relative) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
  }

  private List<String> sources(FolderScanner scanner, Path... roots) {
    return scanner.scan(List.of(roots)).files().stream().map(SourceFile::source).toList();
  }

  @Test
  void walks_recursively_in_sorted_order_skipping_hidden_files_and_folders() throws IOException {
    for (String f : List.of("b.md", "a/z.txt", "a/b/c.md", "A.md", ".hidden.md", ".git/config", "a/.cache/x.md")) {
      touch(f);
    }
    assertThat(sources(new FolderScanner(List.of(), List.of()), dir))
        .containsExactly("A.md", "a/b/c.md", "a/z.txt", "b.md");
  }

  @Test
  void include_and_exclude_globs_are_relative_to_the_root() throws IOException {
    for (String f : List.of("a.md", "docs/b.md", "docs/drafts/c.md", "docs/d.txt", "e.pdf")) {
      touch(f);
    }
    assertThat(sources(new FolderScanner(List.of("**/*.md"), List.of("docs/drafts/**")), dir))
        .containsExactly("a.md", "docs/b.md");
    assertThat(sources(new FolderScanner(List.of("docs/**"), List.of("*.txt")), dir))
        .containsExactly("docs/b.md", "docs/drafts/c.md");
  }

  @Test
  void a_file_root_is_named_by_its_file_name_and_roots_keep_their_order() throws IOException {
    touch("z/one.md");
    touch("single.txt");
    assertThat(sources(new FolderScanner(List.of("**/*.md"), List.of()), dir.resolve("single.txt"), dir.resolve("z")))
        .containsExactly("single.txt", "one.md");
  }

  @Test
  void symlink_loops_are_not_followed_forever() throws IOException {
    touch("real/doc.md");
    Files.createSymbolicLink(dir.resolve("real/loop"), dir.resolve("real"));
    Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("real"));
    Files.createSymbolicLink(dir.resolve("broken.md"), dir.resolve("missing.md"));

    FolderScanner.Scan scan = new FolderScanner(List.of(), List.of()).scan(List.of(dir));
    assertThat(scan.files()).extracting(SourceFile::source).containsExactly("alias/doc.md", "real/doc.md");
    assertThat(scan.problems()).extracting(LoadProblem::source).containsExactly("broken.md");
  }

  @Test
  void a_missing_root_is_an_invalid_request() {
    assertThatThrownBy(() -> new FolderScanner(List.of(), List.of()).scan(List.of(dir.resolve("nope"))))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("no such file or folder");
  }
}
