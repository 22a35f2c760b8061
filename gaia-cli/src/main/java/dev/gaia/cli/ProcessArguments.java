package dev.gaia.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The whole argument vector of a process, program first. {@link ProcessHandle.Info#commandLine()}
 * cannot recognise a node: on Linux the JDK reads only the first page (4096 bytes) of {@code
 * /proc/PID/cmdline}, and a node started by {@code ./gaia} carries a class path of about that
 * length before its main class and {@code --home}. So on Linux the file is read whole; elsewhere
 * the JDK's view is the fallback. Empty when the process is gone or its arguments are hidden.
 */
final class ProcessArguments {
  private ProcessArguments() {}

  static Optional<List<String>> of(ProcessHandle process) {
    Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    if (Files.exists(cmdline)) {
      try {
        String text = new String(Files.readAllBytes(cmdline), Charset.defaultCharset());
        // NUL-separated and NUL-terminated; empty for zombies and kernel threads.
        return text.isEmpty() ? Optional.empty() : Optional.of(List.of(text.split("\0")));
      } catch (IOException e) {
        return Optional.empty(); // gone meanwhile, or not ours to read
      }
    }
    ProcessHandle.Info info = process.info();
    return info.command().flatMap(command -> info.arguments().map(args -> {
      List<String> all = new ArrayList<>(List.of(command));
      all.addAll(Arrays.asList(args));
      return List.copyOf(all);
    }));
  }
}
