package dev.gaia.knowledge.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;

/**
 * CommonMark: one block per top-level element (paragraph, list, code block, quote), rendered as
 * plain text; a heading is a block of its own whose path includes itself, marked with {@link
 * BlockFields#HEADING_LEVEL}, and the blocks after it carry that path. Tables (not CommonMark)
 * stay as their pipe-separated text. A leading YAML front matter is dropped, its {@code title:}
 * used as the title. Title: front matter, else the first H1, else the file name.
 */
final class MarkdownLoader implements FormatLoader {
  private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\n(.*?)\\n(?:---|\\.\\.\\.)\\n", Pattern.DOTALL);
  private static final Pattern FRONT_MATTER_TITLE =
      Pattern.compile("^title:\\s*[\"']?(.*?)[\"']?\\s*$", Pattern.MULTILINE);

  // Both are immutable and thread-safe once built.
  private final Parser parser = Parser.builder().build();
  private final TextContentRenderer renderer = TextContentRenderer.builder().build();

  @Override
  public Parsed parse(byte[] bytes, String fileName) throws UnreadableFile {
    String markdown = Utf8Text.decode(bytes);
    String title = null;
    Matcher front = FRONT_MATTER.matcher(markdown);
    if (front.find()) {
      Matcher titleLine = FRONT_MATTER_TITLE.matcher(front.group(1));
      if (titleLine.find() && !titleLine.group(1).isBlank()) {
        title = titleLine.group(1);
      }
      markdown = markdown.substring(front.end());
    }
    BlockList blocks = new BlockList();
    HeadingPath path = new HeadingPath();
    for (Node node = parser.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
      switch (node) {
        case Heading heading -> {
          String text = renderer.render(heading).strip();
          if (title == null && heading.getLevel() == 1 && !text.isEmpty()) {
            title = text;
          }
          if (!text.isEmpty()) {
            blocks.add(text, path.enter(heading.getLevel(), text), 0, BlockFields.heading(heading.getLevel()));
          }
        }
        case ThematicBreak ignored -> {}
        case HtmlBlock html -> blocks.add(Jsoup.parse(html.getLiteral()).text(), path.current());
        default -> blocks.add(renderer.render(node), path.current());
      }
    }
    return new Parsed(title == null ? fileName : title, blocks.blocks());
  }
}
