package dev.gaia.knowledge.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * HTML: the main text only. Reads {@code <main>} when there is one, else the only {@code
 * <article>}, else the body; drops scripts, styles, forms and the page's chrome (navigation,
 * menus, site header and footer, sidebars) before reading. A header or footer inside a {@code
 * main} or {@code article} is the article's own and stays. Every block element (paragraph,
 * list item, table row, pre) becomes a block, headings included, with the heading path. Title:
 * {@code <title>}, else the first h1, else the file name. Bytes are decoded as UTF-8 unless the
 * page declares another charset.
 */
final class HtmlLoader implements FormatLoader {
  private static final String JUNK =
      "script, style, noscript, template, iframe, svg, canvas, form, button, select, nav, menu, aside,"
          + " dialog, [role=navigation], [role=banner], [role=contentinfo], [role=complementary],"
          + " [role=search], [aria-hidden=true], [hidden]";
  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "li", "dt", "dd", "tr", "pre", "blockquote", "figcaption", "caption", "section",
          "article", "main", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "hr", "address",
          "details", "summary", "body", "header", "footer");

  @Override
  public Parsed parse(byte[] bytes, String fileName) throws UnreadableFile {
    Document page;
    try {
      page = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
    } catch (IOException e) {
      throw new UnreadableFile("unreadable HTML: " + e.getMessage(), e);
    }
    page.select(JUNK).remove();
    Element root = page.selectFirst("main");
    if (root == null) {
      var articles = page.select("article");
      root = articles.size() == 1 ? articles.getFirst() : page.body();
    }
    // A header or footer inside an article or main is the article's own; any other is chrome.
    for (Element chrome : page.select("header, footer")) {
      if (chrome.parent() != null && chrome.parent().closest("main, article") == null) {
        chrome.remove();
      }
    }
    Reader reader = new Reader();
    root.traverse(reader);
    reader.flush();
    String title = page.title().strip();
    if (title.isEmpty()) {
      Element h1 = page.selectFirst("h1");
      title = h1 == null || h1.text().isBlank() ? fileName : h1.text().strip();
    }
    return new Parsed(title, reader.blocks.blocks());
  }

  /** Walks the tree collecting inline text until a block boundary. Not thread-safe. */
  private static final class Reader implements NodeVisitor {
    private final BlockList blocks = new BlockList();
    private final HeadingPath path = new HeadingPath();
    private final StringBuilder line = new StringBuilder();
    private int preDepth;

    @Override
    public void head(Node node, int depth) {
      switch (node) {
        case TextNode text -> append(preDepth > 0 ? text.getWholeText() : text.text());
        case Element element -> {
          String tag = element.normalName();
          if (headingLevel(tag) > 0 || BLOCKS.contains(tag)) {
            flush();
          } else if (tag.equals("br")) {
            line.append('\n');
          } else if ((tag.equals("td") || tag.equals("th")) && !line.isEmpty()) {
            line.append(" | ");
          }
          if (tag.equals("pre")) {
            preDepth++;
          }
        }
        default -> {}
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        int level = headingLevel(tag);
        if (level > 0) {
          String heading = line.toString().strip().replaceAll("\\s+", " ");
          line.setLength(0);
          if (!heading.isEmpty()) {
            blocks.add(heading, path.enter(level, heading), 0, BlockFields.heading(level));
          }
        } else if (BLOCKS.contains(tag)) {
          flush();
        }
        if (tag.equals("pre")) {
          preDepth--;
        }
      }
    }

    private void append(String text) {
      if (preDepth == 0
          && text.startsWith(" ")
          && (line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1)))) {
        // text() collapses spaces within a node; this collapses them across inline elements.
        text = text.substring(1);
      }
      line.append(text);
    }

    void flush() {
      blocks.add(line.toString(), path.current());
      line.setLength(0);
    }

    private static int headingLevel(String tag) {
      return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
          ? tag.charAt(1) - '0'
          : 0;
    }
  }
}
