package dev.gaia.knowledge.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes small text PDFs with PDFBox, for tests and for {@code samples/handbook/hardware-guide.pdf}
 * ({@link #main} regenerates it). Text is Helvetica 11 pt, wrapped at 90 characters; a blank
 * line in a page's text is kept as an empty line.
 */
final class PdfFixtures {
  private static final int WRAP = 90;

  private PdfFixtures() {}

  /** A PDF with one page per entry of {@code pages}; {@code title} empty means no title set. */
  static byte[] write(String title, List<String> pages) {
    return write(title, pages, null);
  }

  /** Like {@link #write(String, List)}, encrypted with the user password {@code password}. */
  static byte[] encrypted(List<String> pages, String password) {
    return write("", pages, password);
  }

  private static byte[] write(String title, List<String> pages, String password) {
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          content.beginText();
          content.setFont(font, 11);
          content.setLeading(15);
          content.newLineAtOffset(60, 780);
          for (String line : wrap(text)) {
            content.showText(line);
            content.newLine();
          }
          content.endText();
        }
      }
      if (!title.isEmpty()) {
        pdf.getDocumentInformation().setTitle(title);
      }
      if (password != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        pdf.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> wrap(String text) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        if (!line.isEmpty() && line.length() + 1 + word.length() > WRAP) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (!line.isEmpty()) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Regenerates the sample PDF: {@code java ... PdfFixtures <repository root>}. */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0], "samples", "handbook", "hardware-guide.pdf");
    Files.write(target, write("Hardware sizing guide for Gaia nodes", HardwareGuide.PAGES));
  }

  /** The sample's text, written for the handbook. */
  static final class HardwareGuide {
    static final List<String> PAGES =
        List.of(
            """
            Hardware sizing guide

            Memory. A model needs about as much memory as its file, plus room for the context of \
            the conversations it is serving. Plan for one and a half times the file size. A model \
            with seven billion parameters quantized to 4 bits is a file of 4 to 5 GB, so reserve \
            8 GB of RAM for it. The default half-billion-parameter model fits in 1 GB.

            Each doubling of chat_ctx_size adds memory for the context cache; on small machines \
            keep it at 4096 or below.""",
            """
            Processors

            Generating text is limited by memory bandwidth more than by the number of cores. Set \
            the number of threads to the number of physical cores, not to the number of hardware \
            threads: going past the physical cores usually makes generation slower, not faster. \
            On a machine with two cores, use two threads.

            Reading a long prompt is different: it is limited by compute, and benefits from every \
            core the machine has.""",
            """
            Disk and network

            Keep models on a solid-state disk. They are mapped into memory when the node starts, \
            and a spinning disk makes the first answer slow.

            A node inside a domain streams answers through the gateway. Plan for about one \
            megabit per second of upload for each stream served at the same time.""");

    private HardwareGuide() {}
  }
}
