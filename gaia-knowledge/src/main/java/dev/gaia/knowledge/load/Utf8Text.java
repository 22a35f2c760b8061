package dev.gaia.knowledge.load;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes text files: strict UTF-8, a leading byte-order mark dropped, line ends made {@code \n}. */
final class Utf8Text {
  private Utf8Text() {}

  static String decode(byte[] bytes) throws UnreadableFile {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableFile("not UTF-8 text", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
