package dev.gaia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gaia.protocol.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a running node publishes in its home once it accepts connections ({@code node.pid} holds
 * the same pid for tools that only read pid files). Written atomically, removed on clean exit.
 * {@code launchId} lets the starting process recognise the node it spawned;
 * {@code processStartMillis} tells the node's process apart from a later one that reuses its pid.
 */
record NodeState(
    long pid, String url, String home, String version, long startedAt, String launchId, long processStartMillis) {

  /** When the current process started, as the OS reports it; -1 when unknown. */
  static long currentProcessStart() {
    return ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  void write(ServiceFiles home) {
    try {
      AtomicFiles.write(home.stateFile(), JSON.writeValueAsBytes(this));
      AtomicFiles.writeString(home.pidFile(), pid + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<NodeState> read(ServiceFiles home) {
    Path f = home.stateFile();
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(f.toFile(), NodeState.class));
    } catch (IOException e) {
      return Optional.empty(); // unreadable state counts as none; the pid file decides
    }
  }

  static void clear(ServiceFiles home, long pid) {
    try {
      Optional<NodeState> s = read(home);
      if (s.isEmpty() || s.get().pid() == pid) {
        Files.deleteIfExists(home.stateFile());
        Files.deleteIfExists(home.pidFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
