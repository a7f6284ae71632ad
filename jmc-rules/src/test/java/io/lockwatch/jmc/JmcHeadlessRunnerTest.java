package io.lockwatch.jmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * JMC's own headless runner, {@code org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport},
 * in a forked JVM with our classes and services file on its class path, lists our rules.
 */
class JmcHeadlessRunnerTest {

  @Test
  void jfrRulesReport_listsLockwatchRulesForHazard() throws Exception {
    Path dir = LockwatchRecordings.tempDir();
    Path jfr = HazardFiles.cycle(dir);
    String out = runJfrRulesReport(dir, jfr.toString(), "-format", "text", "-min", "warning");
    assertTrue(out.contains("Lockwatch: Lock-Order Cycles"), out);
    assertTrue(out.contains("accountA"), out);
  }

  @Test
  void jfrRulesReport_fixedTwin_hasNoLockwatchWarning() throws Exception {
    Path dir = LockwatchRecordings.tempDir();
    Path jfr = HazardFiles.cycleFixed(dir);
    String out = runJfrRulesReport(dir, jfr.toString(), "-format", "text", "-min", "warning");
    assertTrue(!out.contains("Lockwatch: Lock-Order Cycles"), out);
    String all = runJfrRulesReport(dir, jfr.toString(), "-format", "text", "-min", "ok");
    assertTrue(all.contains("Lockwatch: Lock-Order Cycles"), all);
  }

  private static String runJfrRulesReport(Path dir, String... args) throws Exception {
    String java = System.getProperty("lockwatch.test.java",
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    Path out = dir.resolve("jfr-rules-report-" + System.nanoTime() + ".txt");
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp",
        System.getProperty("java.class.path"),
        "org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
        .start();
    try {
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "JfrRulesReport timed out");
      String text = Files.readString(out, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), text);
      return text;
    } finally {
      p.destroyForcibly();
    }
  }
}
