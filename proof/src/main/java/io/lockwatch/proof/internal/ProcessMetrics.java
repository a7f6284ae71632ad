package io.lockwatch.proof.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and peak resident set size of the current process.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class ProcessMetrics {
  private ProcessMetrics() {}

  /**
   * Returns the CPU time of this process (all threads, user and system).
   *
   * @return nanoseconds, or -1 when the platform does not report it
   */
  public static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }

  /**
   * Returns the peak resident set size ({@code VmHWM} of {@code /proc/self/status}).
   *
   * @return bytes, or -1 when not on Linux
   */
  public static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
