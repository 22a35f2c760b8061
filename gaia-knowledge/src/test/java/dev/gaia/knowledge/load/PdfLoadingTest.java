package dev.gaia.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.knowledge.Block;
import dev.gaia.knowledge.Document;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfLoadingTest {
  @TempDir Path dir;

  private Document load(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return DocumentLoader.create(LoadSettings.defaults()).load(file, name);
  }

  @Test
  void each_page_with_text_is_a_block_with_its_page_number() throws IOException {
    Document doc = load("three.pdf", PdfFixtures.write("Three pages", List.of("First page text.", "", "Third page\n\nsecond paragraph")));

    assertThat(doc.title()).isEqualTo("Three pages");
    assertThat(doc.mediaType()).isEqualTo("application/pdf");
    assertThat(doc.blocks()).extracting(Block::page).containsExactly(1, 3);
    assertThat(doc.blocks().get(0).text()).isEqualTo("First page text.");
    assertThat(doc.blocks().get(1).text()).contains("Third page").contains("second paragraph");
  }

  @Test
  void title_falls_back_to_the_file_name_and_content_is_sniffed_without_extension() throws IOException {
    assertThat(load("untitled.pdf", PdfFixtures.write("", List.of("x"))).title()).isEqualTo("untitled.pdf");
    assertThat(load("scan-0001", PdfFixtures.write("", List.of("sniffed"))).mediaType()).isEqualTo("application/pdf");
  }

  @Test
  void encrypted_and_corrupt_pdfs_are_errors_naming_the_file() throws IOException {
    byte[] good = PdfFixtures.write("", List.of("some text"));
    assertThatThrownBy(() -> load("locked.pdf", PdfFixtures.encrypted(List.of("secret"), "pw")))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("locked.pdf")
        .hasMessageContaining("encrypted")
        .extracting(e -> ((GaiaException) e).kind())
        .isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThatThrownBy(() -> load("cut.pdf", Arrays.copyOf(good, 40)))
        .isInstanceOf(GaiaException.class)
        .hasMessageContaining("cut.pdf")
        .hasMessageContaining("not a readable PDF");
  }
}
