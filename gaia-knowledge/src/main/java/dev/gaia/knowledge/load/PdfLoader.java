package dev.gaia.knowledge.load;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF through PDFBox: one block per page with text, {@code page} 1-based; pages without text
 * (scans) give no block. Lines are kept, runs of blank lines collapsed. Title: the document
 * information's title, else the file name. Encrypted PDFs are refused, even those PDFBox could
 * open with an empty password: their owner asked for the text not to be extracted.
 */
final class PdfLoader implements FormatLoader {

  @Override
  public Parsed parse(byte[] bytes, String fileName) throws UnreadableFile {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      if (pdf.isEncrypted()) {
        throw new UnreadableFile("encrypted PDF");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      BlockList blocks = new BlockList();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(pdf).replace("\r\n", "\n").replaceAll("[ \\t]+\\n", "\n");
        blocks.add(text.replaceAll("\\n{3,}", "\n\n"), List.of(), page, Map.of());
      }
      PDDocumentInformation info = pdf.getDocumentInformation();
      String title = info == null || info.getTitle() == null ? "" : info.getTitle().strip();
      return new Parsed(title.isEmpty() ? fileName : title, blocks.blocks());
    } catch (InvalidPasswordException e) {
      throw new UnreadableFile("encrypted PDF (needs a password)", e);
    } catch (IOException | RuntimeException e) {
      // PDFBox reports damaged files with IOExceptions and, for some damage, runtime exceptions.
      throw new UnreadableFile(
          "not a readable PDF: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }
}
