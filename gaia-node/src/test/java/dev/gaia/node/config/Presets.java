package dev.gaia.node.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real GaiaNet presets under src/test/resources/gaia-presets (see the README there). */
final class Presets {
  private Presets() {}

  /** Presets that load unchanged. */
  static final List<String> LOADABLE =
      List.of(
          "gaianet-node-default.json",
          "gaianet-node-phi-3.json",
          "llama-3-8b-instruct.json",
          "gpt-oss-20b.json",
          "gemma-3-4b-it.json",
          "exaone-deep-2.4b.json",
          "deepseek-2.5-236b.json");

  /** Published with the typo "llama-4-chatl", which LlamaEdge rejects too. */
  static final String LLAMA_4_TYPO = "llama-4-scout-17b-16e-instruct.json";

  static String text(String name) {
    try (InputStream in = Presets.class.getResourceAsStream("/gaia-presets/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no preset " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
