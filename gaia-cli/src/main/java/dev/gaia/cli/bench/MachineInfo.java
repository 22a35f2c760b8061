package dev.gaia.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Where a benchmark ran: numbers from different machines are not comparable. */
public record MachineInfo(int cpus, String cpuModel, String date, String jdk) {

  public static MachineInfo ofThisMachine() {
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        readCpuModel(),
        LocalDate.now(ZoneOffset.UTC).toString(),
        System.getProperty("java.vm.vendor", "?") + " " + Runtime.version());
  }

  String describe() {
    return cpus + " CPUs (" + cpuModel + "), JDK " + jdk + ", " + date;
  }

  private static String readCpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }
}
