package dev.gaia.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlLoadingTest {
  @TempDir Path dir;

  private Document load(String html) throws IOException {
    Path file = dir.resolve("page.html");
    Files.writeString(file, html);
    return DocumentLoader.create(LoadSettings.defaults()).load(file, "page.html");
  }

  @Test
  void page_chrome_scripts_and_styles_are_dropped() throws IOException {
    Document doc =
        load(
            """
            <html><head><title>The Page</title><style>p { color: red }</style></head>
            <body>
              <header>Site banner</header>
              <nav><a href="/">Home</a> <a href="/x">Menu item</a></nav>
              <div role="navigation">Breadcrumbs</div>
              <h1>Main heading</h1>
              <p>First <b>bold</b> paragraph
                 over two lines.</p>
              <aside>Related links</aside>
              <script>var tracking = 1;</script>
              <form><input name="q"><button>Search</button></form>
              <footer>Copyright notice</footer>
            </body></html>
            """);

    String text = DocumentText.of(doc);
    assertThat(text).isEqualTo("Main heading\n\nFirst bold paragraph over two lines.");
    assertThat(doc.title()).isEqualTo("The Page");
    assertThat(doc.mediaType()).isEqualTo("text/html");
  }

  @Test
  void main_is_preferred_and_its_own_header_kept() throws IOException {
    Document doc =
        load(
            """
            <body><p>Outside main</p>
            <main><article><header><h1>Article title</h1></header>
              <h2>Part</h2><p>Inside.</p>
              <ul><li>one</li><li>two</li></ul>
              <pre>keep   spacing
              here</pre>
              <table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></table>
            </article></main>
            <footer>Footer</footer></body>
            """);

    assertThat(doc.title()).isEqualTo("Article title");
    assertThat(doc.blocks())
        .extracting(Block::text)
        .containsExactly("Article title", "Part", "Inside.", "one", "two", "keep   spacing\n  here", "k | v", "a | 1");
    assertThat(doc.blocks().get(2).headings()).isEqualTo(List.of("Article title", "Part"));
    assertThat(doc.blocks().get(1).fields()).containsEntry(BlockFields.HEADING_LEVEL, "2");
  }

  @Test
  void a_single_article_is_the_root_when_there_is_no_main() throws IOException {
    Document doc = load("<body><div class=x>Teaser</div><article><p>Story</p></article></body>");
    assertThat(DocumentText.of(doc)).isEqualTo("Story");
    assertThat(doc.title()).isEqualTo("page.html");
  }
}
