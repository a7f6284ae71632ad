package io.lockwatch.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.proof.apps.HostileLockingApp;
import io.lockwatch.proof.internal.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-lock model stays exact under exceptions inside locked regions, interrupts,
 * {@code lockInterruptibly} and timed waits: in the quiescent window the agent's
 * {@code lockwatch.InFlight} holds match what {@code ThreadMXBean} reports for each platform
 * thread, and no worker has a phantom hold.
 */
class HeldLockModelTest {
  @TempDir
  Path dir;

  @Test
  void afterExceptionsAndInterrupts_inFlightHoldsMatchThreadMxBean() throws Exception {
    Path jfr = dir.resolve("hostile.jfr");
    ChildJvm.Result r = Fixtures.run(
        List.of("-javaagent:" + Fixtures.agentJar() + "=recording=" + jfr + ",inflight-period=200ms"),
        HostileLockingApp.class, List.of("3000"), Duration.ofSeconds(120));
    assertEquals(0, r.exitCode, r.toString());
    assertNotNull(r.lastLineStartingWith("APP DONE"), r.toString());
    assertFalse(Fixtures.hasStackTrace(r.stderr), r.toString());
    Instant start = Instant.ofEpochMilli(Long.parseLong(r.lastLineStartingWith("WINDOW_START ")
        .split(" ")[1]));
    Instant end = Instant.ofEpochMilli(Long.parseLong(r.lastLineStartingWith("WINDOW_END ")
        .split(" ")[1]));
    Map<String, Integer> mxHeld = new TreeMap<>();
    for (String line : r.stdout) {
      if (line.startsWith("MX ")) {
        String[] p = line.split(" ");
        mxHeld.put(p[1], Integer.parseInt(p[2].split("=")[1]) + Integer.parseInt(p[3].split("=")[1]));
      }
    }
    assertEquals(3, mxHeld.get("holder"), "ThreadMXBean: " + mxHeld);

    List<RecordedEvent> holds = Fixtures.events(jfr, "lockwatch.InFlight").stream()
        .filter(e -> "hold".equals(e.getString("state")))
        .filter(e -> e.getStartTime().isAfter(start.plusMillis(300)) && e.getStartTime().isBefore(end))
        .collect(Collectors.toList());
    assertFalse(holds.isEmpty(), "no InFlight hold events in the window; " + r);
    for (RecordedEvent e : holds) {
      RecordedThread t = e.getThread("thread");
      String name = t == null ? "?" : t.getJavaName();
      assertEquals("holder", name, "phantom hold: " + e);
      String ids = e.getString("heldLockIds");
      int modelHeld = ids == null || ids.isBlank() ? 0 : ids.split(",").length;
      assertEquals((int) mxHeld.get(name), modelHeld, "model vs ThreadMXBean for " + name + ": " + e);
    }
    for (Map.Entry<String, Integer> m : mxHeld.entrySet()) {
      if (m.getKey().startsWith("worker-")) {
        assertEquals(0, m.getValue(), "ThreadMXBean says a worker holds something: " + mxHeld);
      }
    }
    assertTrue(r.stdout.stream().anyMatch(l -> l.startsWith("INFO thrown=")), r.toString());
  }
}
