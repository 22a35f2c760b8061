package dev.gaia.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufReaderErrorsTest {
  @TempDir Path dir;
  private Path good;
  private GgufFile header;

  @BeforeEach
  void writeTinyModel() {
    good = SyntheticModels.write(SyntheticModelSpec.tiny(), dir.resolve("good.gguf"));
    header = GgufFile.read(good);
  }

  @Test
  void a_text_file_is_not_gguf() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "hello, I am not a model\n");

    assertInvalid(file).hasMessageContaining("not a GGUF file: starts with bytes 68656c6c");
  }

  @Test
  void an_empty_file_is_not_gguf() throws Exception {
    Path file = Files.write(dir.resolve("empty.gguf"), new byte[0]);

    assertInvalid(file).hasMessageContaining("not a GGUF file: only 0 bytes long");
  }

  @Test
  void a_file_cut_inside_the_metadata_is_truncated() throws Exception {
    Path file = copyPrefix(header.dataOffset() / 2);

    assertInvalid(file).hasMessageContaining("file is truncated");
  }

  @Test
  void a_file_cut_inside_the_tensor_data_is_truncated() throws Exception {
    Path file = copyPrefix(header.fileSize() - 100);

    assertInvalid(file)
        .hasMessageContaining("file is truncated: tensor output_norm.weight ends at byte");
  }

  @Test
  void an_absurd_metadata_count_fails_without_allocating() throws Exception {
    Path file = copyPrefix(header.fileSize());
    patchLong(file, 16, Long.MAX_VALUE / 2); // metadata count

    assertInvalid(file)
        .hasMessageContaining("absurd metadata count 4611686018427387903 (the file has ");
  }

  @Test
  void an_absurd_string_length_fails_without_allocating() throws Exception {
    Path file = copyPrefix(header.fileSize());
    patchLong(file, 24, 1L << 40); // length of the first key

    assertInvalid(file).hasMessageContaining("absurd metadata key #0 length");
  }

  @Test
  void an_unsupported_version_is_named() throws Exception {
    Path file = copyPrefix(header.fileSize());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1), 4);
    }

    assertInvalid(file).hasMessageContaining("unsupported GGUF version 1");
  }

  @Test
  void a_missing_file_is_not_found() {
    Path file = dir.resolve("nope.gguf");

    assertThatThrownBy(() -> GgufFile.read(file))
        .isInstanceOfSatisfying(
            GaiaException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
        .hasMessageContaining(file.toString());
  }

  private Path copyPrefix(long bytes) throws Exception {
    Path file = dir.resolve("copy-" + bytes + ".gguf");
    byte[] all = Files.readAllBytes(good);
    return Files.write(file, java.util.Arrays.copyOf(all, (int) bytes));
  }

  private static void patchLong(Path file, long position, long value) throws Exception {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value), position);
    }
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(Path file) {
    return assertThatThrownBy(() -> GgufFile.read(file))
        .isInstanceOfSatisfying(
            GaiaException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST))
        .hasMessageStartingWith(file + ": ");
  }
}
