package dev.gaia.knowledge.load;

import java.util.regex.Pattern;

/** Plain text: one block per paragraph, paragraphs being separated by blank lines. */
final class TextLoader implements FormatLoader {
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\x0B\\f]*\\n\\s*");

  @Override
  public Parsed parse(byte[] bytes, String fileName) throws UnreadableFile {
    BlockList blocks = new BlockList();
    for (String paragraph : BLANK_LINES.split(Utf8Text.decode(bytes))) {
      blocks.add(paragraph);
    }
    return new Parsed(fileName, blocks.blocks());
  }
}
