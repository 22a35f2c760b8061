package dev.gaia.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gaia.inference.gguf.GgmlType;
import dev.gaia.inference.gguf.GgufFile;
import dev.gaia.inference.gguf.GgufTensorInfo;
import dev.gaia.inference.gguf.GgufValue;
import dev.gaia.inference.gguf.GgufValueType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufRoundTripTest {
  @TempDir Path dir;

  @Test
  void every_value_type_and_tensor_info_reads_back_as_written() throws Exception {
    Map<String, GgufValue> values = new LinkedHashMap<>();
    values.put("t.u8", GgufValue.uint8(255));
    values.put("t.i8", GgufValue.int8(-128));
    values.put("t.u16", GgufValue.uint16(65_535));
    values.put("t.i16", GgufValue.int16(-32_768));
    values.put("t.u32", GgufValue.uint32(4_000_000_000L));
    values.put("t.i32", GgufValue.int32(Integer.MIN_VALUE));
    values.put("t.u64", GgufValue.uint64(-1L)); // 2^64 - 1
    values.put("t.i64", GgufValue.int64(Long.MIN_VALUE));
    values.put("t.f32", GgufValue.float32(0.1f));
    values.put("t.f64", GgufValue.float64(Math.PI));
    values.put("t.bool", GgufValue.bool(true));
    values.put("t.string", GgufValue.string("héllo ▁ 世界"));
    values.put("t.empty_string", GgufValue.string(""));
    for (GgufValueType type : GgufValueType.values()) {
      if (type.isFloat()) {
        values.put("t.array." + type, GgufValue.PrimitiveArray.ofDoubles(type, -1.5, 0, 2.25));
      } else if (type == GgufValueType.BOOL) {
        values.put("t.array." + type, GgufValue.PrimitiveArray.ofLongs(type, 1, 0, 1));
      } else if (type.isInteger()) {
        values.put("t.array." + type, GgufValue.PrimitiveArray.ofLongs(type, 0, 1, 127));
      }
    }
    values.put("t.array.STRING", GgufValue.strings(List.of("a", "", "▁the")));
    values.put("t.array.empty", GgufValue.strings(List.of()));
    values.put(
        "t.array.nested",
        new GgufValue.NestedArray(
            List.of(GgufValue.int32s(1, 2), GgufValue.strings(List.of("x")), GgufValue.int32s())));

    GgufWriter writer = new GgufWriter();
    values.forEach(writer::put);
    writer
        .addTensor("f32", GgmlType.F32, List.of(3L, 2L), TensorData.of(ByteBuffer.allocate(24)))
        .addTensor("q8", GgmlType.Q8_0, List.of(64L), TensorData.of(ByteBuffer.allocate(68)))
        .addTensor(
            "q4", GgmlType.Q4_0, List.of(32L, 1L, 2L), TensorData.of(ByteBuffer.allocate(36)))
        .addTensor("f16", GgmlType.F16, List.of(5L), TensorData.of(ByteBuffer.allocate(10)));
    Path file = dir.resolve("all.gguf");
    writer.write(file);

    GgufFile gguf = GgufFile.read(file);

    Map<String, GgufValue> expected = new LinkedHashMap<>();
    expected.put("general.alignment", GgufValue.uint32(32));
    expected.putAll(values);
    assertThat(gguf.metadata()).containsExactlyEntriesOf(expected);
    assertThat(gguf.version()).isEqualTo(3);
    assertThat(gguf.tensors())
        .containsExactly(
            new GgufTensorInfo("f32", List.of(3L, 2L), GgmlType.F32, 0),
            new GgufTensorInfo("q8", List.of(64L), GgmlType.Q8_0, 32),
            new GgufTensorInfo("q4", List.of(32L, 1L, 2L), GgmlType.Q4_0, 128),
            new GgufTensorInfo("f16", List.of(5L), GgmlType.F16, 192));
    assertThat(gguf.dataOffset() % 32).isZero();
    assertThat(gguf.fileSize()).isEqualTo(Files.size(file)).isEqualTo(writer.fileSize());
    assertThat(gguf.dataOffset() + 224).isEqualTo(gguf.fileSize());

    assertThat(gguf.integer("t.u32")).hasValue(4_000_000_000L);
    assertThat(Long.toUnsignedString(gguf.integer("t.u64").orElseThrow()))
        .isEqualTo("18446744073709551615");
    assertThat(gguf.real("t.f32")).hasValue(0.1f);
    assertThat(gguf.string("t.string")).hasValue("héllo ▁ 世界");
    assertThat(gguf.bool("t.bool")).hasValue(true);
    assertThat(gguf.strings("t.array.STRING")).hasValue(List.of("a", "", "▁the"));
    var floats = (GgufValue.PrimitiveArray) gguf.value("t.array.FLOAT32").orElseThrow();
    assertThat(floats.toFloatArray()).containsExactly(-1.5f, 0f, 2.25f);
    var u8 = (GgufValue.PrimitiveArray) gguf.value("t.array.UINT8").orElseThrow();
    assertThat(u8.toLongArray()).containsExactly(0, 1, 127);
    assertThat(gguf.tensor("q4").orElseThrow().byteSize()).hasValue(36);
    assertThat(gguf.string("missing")).isEmpty();
    assertThatThrownBy(() -> gguf.string("t.u8")).hasMessageContaining("t.u8 is UINT8");
  }

  @Test
  void typed_accessors_read_the_synthetic_model() {
    SyntheticModelSpec spec = SyntheticModelSpec.tiny();
    GgufFile gguf = GgufFile.read(SyntheticModels.write(spec, dir.resolve("tiny.gguf")));

    assertThat(gguf.architecture()).isEqualTo("llama");
    assertThat(gguf.name()).hasValue("synthetic-tiny");
    assertThat(gguf.contextLength()).isEqualTo(2048);
    assertThat(gguf.embeddingLength()).isEqualTo(64);
    assertThat(gguf.blockCount()).isEqualTo(2);
    assertThat(gguf.vocabularySize()).isEqualTo(600);
    assertThat(gguf.chatTemplate()).hasValue(SyntheticModelSpec.CHATML_TEMPLATE);
    // token_embd, output_norm, 9 per block
    assertThat(gguf.tensorCount()).isEqualTo(2 + 2 * 9);
    assertThat(gguf.tensor("blk.1.attn_k.weight").orElseThrow().dims()).containsExactly(64L, 32L);
    assertThat(gguf.tensor("blk.0.ffn_down.weight").orElseThrow().dims())
        .containsExactly(128L, 64L);
  }

  @Test
  void version_2_files_read_like_version_3() throws Exception {
    // v3 only added big-endian files; little-endian v2 and v3 are byte-for-byte alike.
    Path file = SyntheticModels.write(SyntheticModelSpec.tiny(), dir.resolve("v2.gguf"));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 2), 4);
    }

    GgufFile gguf = GgufFile.read(file);

    assertThat(gguf.version()).isEqualTo(2);
    assertThat(gguf.architecture()).isEqualTo("llama");
    assertThat(gguf.tensorCount()).isEqualTo(20);
  }

  @Test
  void writer_rejects_a_tensor_data_of_the_wrong_size() {
    GgufWriter writer =
        new GgufWriter()
            .addTensor("t", GgmlType.F32, List.of(4L), TensorData.of(ByteBuffer.allocate(12)));

    assertThatThrownBy(() -> writer.write(dir.resolve("bad.gguf")))
        .hasMessageContaining("tensor t: data wrote 12 bytes, expected 16");
  }

  @Test
  void writer_rejects_a_quantized_row_that_is_not_whole_blocks() {
    assertThatThrownBy(
            () ->
                new GgufWriter()
                    .addTensor(
                        "t",
                        GgmlType.Q8_0,
                        List.of(48L, 2L),
                        TensorData.of(ByteBuffer.allocate(0))))
        .hasMessageContaining("not a multiple of the Q8_0 block size 32");
  }
}
