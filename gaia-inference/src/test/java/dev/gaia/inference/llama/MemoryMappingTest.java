package dev.gaia.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gaia.inference.gguf.GgmlType;
import dev.gaia.inference.gguf.GgufTensorInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryMappingTest {
  static GgufTensorInfo tensor(String name, GgmlType type, long rows) {
    return new GgufTensorInfo(name, List.of(256L, rows), type, 0);
  }

  @Test
  void maps_models_whose_weights_are_not_repacked() {
    assertThat(MemoryMapping.worthMapping(List.of(tensor("a", GgmlType.Q8_0, 100), tensor("n", GgmlType.F32, 1)))).isTrue();
    assertThat(MemoryMapping.worthMapping(List.of())).isTrue();
  }

  @Test
  void reads_models_of_repacked_types_into_memory() {
    assertThat(MemoryMapping.worthMapping(List.of(tensor("a", GgmlType.Q4_0, 100), tensor("e", GgmlType.Q8_0, 10)))).isFalse();
    assertThat(MemoryMapping.worthMapping(List.of(tensor("a", GgmlType.Q4_K, 100), tensor("o", GgmlType.Q6_K, 20)))).isFalse();
  }

  @Test
  void a_minority_of_repacked_bytes_keeps_mapping() {
    assertThat(MemoryMapping.worthMapping(List.of(tensor("a", GgmlType.Q4_0, 10), tensor("e", GgmlType.F16, 100)))).isTrue();
  }
}
