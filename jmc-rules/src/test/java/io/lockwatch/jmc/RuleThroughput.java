package io.lockwatch.jmc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A measured harness, not a test: evaluates the rule pack on a recording of many raw events and
 * prints the time. Run with the test class path: {@code java -cp ... io.lockwatch.jmc.RuleThroughput
 * [events]}.
 */
final class RuleThroughput {
  private RuleThroughput() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Path dir = LockwatchRecordings.tempDir();
    Path file;
    try (LockwatchRecordings rec = new LockwatchRecordings()) {
      for (int i = 0; i < n / 2; i++) {
        long a = i % 5_000;
        LockwatchRecordings.order(a, "", a + 1, "", Long.toString(a));
        LockwatchRecordings.hold(a, "", 0, 0);
      }
      file = rec.dump(dir, "throughput.jfr");
    }
    for (int round = 0; round < 3; round++) {
      com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      Map<String, ?> r = RuleEvaluation.evaluate(file);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
      System.out.printf("round %d: %d raw events, %d MB file: JMC load + 7 rules in %d ms wall, "
          + "%d ms CPU (%.0f events per CPU second)%n", round, n, Files.size(file) >> 20, ms,
          cpuMs, n * 1000.0 / Math.max(cpuMs, 1));
      if (r.size() != 7) {
        throw new AssertionError(r.keySet());
      }
    }
  }
}
