package dev.gaia.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.knowledge.index.IndexBenchmark;
import dev.gaia.protocol.ErrorKind;
import dev.gaia.protocol.GaiaException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@code bench/hnswlib_compare.py} (bundled as a resource) on the vectors, queries and
 * exact neighbours of one {@link IndexBenchmark.Dataset}, passed as little-endian raw files.
 * Failures of the script throw {@link GaiaException} ({@code UNAVAILABLE}) with a message fit
 * for the report.
 */
final class Hnswlib {
  static final String SCRIPT = "hnswlib_compare.py";
  private static final long TIMEOUT_MINUTES = 30;

  private Hnswlib() {}

  /** The first of {@code pythons} that imports hnswlib and numpy, if any. */
  static Optional<String> interpreter(List<String> pythons) {
    for (String python : pythons) {
      try {
        Process p = new ProcessBuilder(python, "-c", "import hnswlib, numpy").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Optional.of(python);
        }
        p.destroyForcibly();
      } catch (IOException e) {
        // not installed under that name: try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Measures hnswlib (M=16, efConstruction=100, one build thread, one query thread) at each of
   * {@code efs} on {@code data}, with recall against {@code truth} (per query, the exact top 10).
   */
  static HnswlibResult run(String python, IndexBenchmark.Dataset data, List<List<Integer>> truth, List<Integer> efs,
      Path work) {
    try {
      Path dir = Files.createDirectories(work.resolve("hnswlib-" + data.vectors().size()));
      writeVectors(dir.resolve("base.f32"), data.vectors());
      writeVectors(dir.resolve("queries.f32"), data.queries());
      writeOrdinals(dir.resolve("truth.i32"), truth);
      Path script = dir.resolve(SCRIPT);
      try (InputStream in = Hnswlib.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw unavailable(SCRIPT + " is missing from the classpath (build gaia-cli with Maven)");
        }
        Files.copy(in, script);
      }
      Path stderr = dir.resolve("stderr.txt");
      Process p = new ProcessBuilder(python, script.toString(), "--dir", dir.toString(),
          "--dim", Integer.toString(data.dimension()), "--m", "16", "--ef-construction", "100",
          "--ef", efs.stream().map(String::valueOf).collect(Collectors.joining(",")),
          "--seed", Long.toString(data.seed()), "--build-threads", "1")
          .redirectError(stderr.toFile())
          .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw unavailable(SCRIPT + " did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
      if (p.exitValue() != 0) {
        throw unavailable(SCRIPT + " failed (exit " + p.exitValue() + "): " + lastLine(Files.readString(stderr)));
      }
      return parse(out);
    } catch (IOException e) {
      throw new UncheckedIOException("hnswlib comparison: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted");
    }
  }

  /** The script's one JSON line. */
  static HnswlibResult parse(String stdout) {
    String line = lastLine(stdout);
    try {
      JsonNode n = new ObjectMapper().readTree(line);
      List<HnswlibRun> runs = new ArrayList<>();
      for (JsonNode r : n.path("runs")) {
        runs.add(new HnswlibRun(r.path("ef").asInt(), r.path("p50_us").asDouble(), r.path("p99_us").asDouble(),
            r.path("recall_at_10").asDouble()));
      }
      if (runs.isEmpty() || !n.has("build_s")) {
        throw unavailable(SCRIPT + " printed no results: " + line);
      }
      return new HnswlibResult(n.path("hnswlib").asText("unknown"), n.path("build_s").asDouble(), runs);
    } catch (IOException e) {
      throw unavailable(SCRIPT + " printed something other than JSON: " + line);
    }
  }

  /** Why a comparison could not run; the caller turns its message into a note of the report. */
  private static GaiaException unavailable(String message) {
    return new GaiaException(ErrorKind.UNAVAILABLE, "hnswlib comparison skipped: " + message);
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.isEmpty() ? "" : lines.getLast();
  }

  private static void writeVectors(Path file, List<float[]> vectors) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      ByteBuffer row = ByteBuffer.allocate(vectors.getFirst().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      for (float[] v : vectors) {
        row.clear();
        row.asFloatBuffer().put(v);
        out.write(row.array());
      }
    }
  }

  private static void writeOrdinals(Path file, List<List<Integer>> rows) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      ByteBuffer cell = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      for (List<Integer> row : rows) {
        if (row.size() != 10) {
          throw new IllegalArgumentException("expected the exact top 10 per query, got " + row.size());
        }
        for (int ordinal : row) {
          cell.clear();
          cell.putInt(ordinal);
          out.write(cell.array());
        }
      }
    }
  }
}
