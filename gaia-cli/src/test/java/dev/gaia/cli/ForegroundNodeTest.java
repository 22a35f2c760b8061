package dev.gaia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaia node start --foreground} as a service manager runs it: a child JVM, stopped by SIGTERM. */
@Timeout(90)
class ForegroundNodeTest {
  @TempDir Path tmp;
  Process child;
  Path home;

  @AfterEach
  void cleanUp() {
    if (child != null) {
      child.destroyForcibly();
    }
    if (home != null) {
      NodeProcesses.cleanUp(home);
    }
  }

  @Test
  void foreground_node_prints_ready_and_shuts_down_cleanly_on_sigterm() throws Exception {
    home = TinyNode.init(tmp.resolve("node"));
    Path output = tmp.resolve("output.txt");
    String java = ProcessHandle.current().info().command().orElseThrow();
    child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath(),
            NodeSupervisor.MAIN, "node", "start", "--foreground", "--home", home.toString())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();

    awaitLine(output, "Node ready at ", 60);
    assertThat(home.resolve("node.pid")).content().isEqualToIgnoringWhitespace(Long.toString(child.pid()));
    Cli.Result status = Cli.run("node", "status", "--home", home.toString());
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).startsWith("running").contains("pid " + child.pid());

    child.destroy(); // SIGTERM
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("exits within 30 s").isTrue();

    assertThat(child.exitValue()).isEqualTo(143); // 128 + SIGTERM, after the shutdown hooks ran
    assertThat(output).content().contains("Stopping node...").contains("Node stopped.");
    assertThat(home.resolve("node.pid")).doesNotExist();
    assertThat(home.resolve("run/node.json")).doesNotExist();
  }

  private void awaitLine(Path output, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.readString(output).contains(text)) {
      assertThat(child.isAlive()).as("node died:%n%s", Files.readString(output)).isTrue();
      assertThat(System.nanoTime())
          .as("no '%s' within %d s:%n%s", text, seconds, Files.readString(output))
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /**
   * The test class path as an explicit list. Surefire may start the test JVM with a manifest-only
   * booter jar (its Class-Path attribute lists the real entries); that jar is deleted when the
   * test JVM ends, so the list is expanded rather than passed on.
   */
  static String classPath() {
    String cp = System.getProperty("java.class.path");
    String[] entries = cp.split(File.pathSeparator);
    if (entries.length != 1 || !entries[0].endsWith(".jar")) {
      return cp;
    }
    Path jar = Path.of(entries[0]).toAbsolutePath();
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (listed == null || listed.isBlank()) {
        return cp;
      }
      List<String> expanded = new ArrayList<>();
      for (String entry : listed.trim().split("\\s+")) {
        URI uri = jar.getParent().toUri().resolve(entry);
        expanded.add(Path.of(uri).toString());
      }
      return String.join(File.pathSeparator, expanded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void class_path_lists_existing_entries() {
    assertThat(classPath().split(File.pathSeparator))
        .allSatisfy(e -> assertThat(Files.exists(Path.of(e))).as(e).isTrue());
  }
}
