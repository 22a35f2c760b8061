package dev.gaia.inference.llama;

import dev.gaia.inference.gguf.GgmlType;
import dev.gaia.inference.gguf.GgufTensorInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether llama.cpp should memory-map a model file. Mapping is usually free (pages come from the
 * page cache and are shared between processes), but on x86-64 llama.cpp b4916 repacks weights of
 * some types into an interleaved copy in anonymous memory; the mapped pages it read to do so then
 * stay resident too, so the model is held twice. Measured here on the Qwen2.5-0.5B shape (Q4_0,
 * 282 MB file): RSS 860 MB mapped versus 674 MB read into memory.
 */
final class MemoryMapping {
  /** Types b4916's CPU backend repacks for AVX2/AVX-512. */
  private static final Set<GgmlType> REPACKED = EnumSet.of(GgmlType.Q4_0, GgmlType.IQ4_NL, GgmlType.Q4_K);

  private MemoryMapping() {}

  /** False when most of the weight bytes are of a repacked type. */
  static boolean worthMapping(List<GgufTensorInfo> tensors) {
    long repacked = 0;
    long total = 0;
    for (GgufTensorInfo t : tensors) {
      long bytes = t.byteSize().orElse(0);
      total += bytes;
      if (t.type().filter(REPACKED::contains).isPresent()) {
        repacked += bytes;
      }
    }
    return total == 0 || repacked * 2 < total;
  }
}
