package dev.gaia.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSourceTest {
  @TempDir Path dir;

  @Test
  void parses_http_and_https_urls_as_remote() {
    var source =
        ModelSource.parse(
            " https://huggingface.co/org/repo/resolve/main/Llama%203-Q4_K_M.gguf?download=true ");

    assertThat(source).isInstanceOf(ModelSource.Remote.class);
    assertThat(source.fileName()).isEqualTo("Llama 3-Q4_K_M.gguf");
    assertThat(ModelSource.parse("HTTP://127.0.0.1:8080/")).isInstanceOf(ModelSource.Remote.class);
    assertThat(ModelSource.parse("http://127.0.0.1:8080/").fileName()).isEqualTo("model.gguf");
  }

  @Test
  void parses_existing_paths_and_file_uris_as_local() throws IOException {
    Path file = Files.write(dir.resolve("m.gguf"), new byte[] {1});

    assertThat(ModelSource.parse(file.toString())).isEqualTo(new ModelSource.Local(file));
    assertThat(ModelSource.parse(file.toUri().toString())).isEqualTo(new ModelSource.Local(file));
    assertThat(ModelSource.parse(file.toString()).key())
        .isEqualTo(file.toAbsolutePath().toString());
  }

  @Test
  void rejects_other_schemes_naming_the_scheme() {
    var failure =
        catchThrowableOfType(
            GaiaException.class, () -> ModelSource.parse("ftp://example.org/m.gguf"));

    assertThat(failure.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThat(failure.getMessage()).contains("ftp:").contains("http(s) URL");
  }

  @Test
  void a_missing_local_file_is_not_found_with_its_absolute_path() {
    Path missing = dir.resolve("absent.gguf");

    var failure =
        catchThrowableOfType(GaiaException.class, () -> ModelSource.parse(missing.toString()));

    assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(failure.getMessage()).contains(missing.toString());
  }

  @Test
  void a_url_without_host_is_invalid() {
    var failure =
        catchThrowableOfType(
            GaiaException.class, () -> new ModelSource.Remote(URI.create("http:///m.gguf")));

    assertThat(failure.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
  }
}
