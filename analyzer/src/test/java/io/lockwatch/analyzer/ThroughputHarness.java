package io.lockwatch.analyzer;

import io.lockwatch.analyzer.source.FileAnalysis;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import io.lockwatch.events.LockWaitEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Measured harness for offline analyzer throughput (not a unit test; no timing assertions). Writes a
 * recording with a realistic mix of Lockwatch events (order edges over a bounded lock population,
 * holds, waits, in-flight snapshots), then reports events/s on one thread for (a) the engine alone,
 * over pre-parsed events, and (b) parse + engine from the file.
 *
 * <p>Run: {@code mvn -B -o -q -pl analyzer -am test-compile && java -cp
 * analyzer/target/classes:analyzer/target/test-classes:jfr-events/target/classes
 * io.lockwatch.analyzer.ThroughputHarness [events]}
 */
public final class ThroughputHarness {
  private ThroughputHarness() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("lockwatch-throughput");
    Path file;
    try (TestRecording r = new TestRecording()) {
      write(n);
      file = r.dump(dir, "throughput.jfr");
    }
    List<RecordedEvent> events = new ArrayList<>(n);
    try (RecordingFile rf = new RecordingFile(file)) {
      while (rf.hasMoreEvents()) {
        events.add(rf.readEvent());
      }
    }
    // CPU time of this (single) thread, so that a machine shared with other work still measures
    // the cost on one core; wall-clock rates are printed beside it.
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 5; round++) {
      LockwatchAnalyzer a = LockwatchAnalyzer.create();
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      a.startRun("bench");
      for (RecordedEvent e : events) {
        a.accept(e);
      }
      a.finish();
      long engineCpu = mx.getCurrentThreadCpuTime() - c0;
      long engine = System.nanoTime() - t0;
      LockwatchAnalyzer b = LockwatchAnalyzer.create();
      long c1 = mx.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      FileAnalysis.analyze(b, List.of(file));
      long wholeCpu = mx.getCurrentThreadCpuTime() - c1;
      long whole = System.nanoTime() - t1;
      System.out.printf("round %d: %d events; engine only %.2f M events/cpu-s (%.2f M/s wall); "
          + "parse+engine %.2f M events/cpu-s (%.2f M/s wall); findings %d%n", round,
          events.size(), events.size() * 1e3 / engineCpu, events.size() * 1e3 / engine,
          events.size() * 1e3 / wholeCpu, events.size() * 1e3 / whole, a.findings().size());
    }
  }

  /** A mix: 40% order edges (10,000 locks, acyclic), 30% holds, 25% waits, 5% in-flight. */
  static void write(int n) {
    LockOrderEvent o = new LockOrderEvent();
    LockHoldEvent h = new LockHoldEvent();
    LockWaitEvent w = new LockWaitEvent();
    Thread self = Thread.currentThread();
    for (int i = 0; i < n; i++) {
      int kind = i % 20;
      long lock = (i * 7919L) % 10_000 + 1;
      if (kind < 8) {
        long next = lock + 1 + (i % 5);
        o.heldLockId = lock;
        o.heldLockClass = Object.class;
        o.heldLockName = "";
        o.heldMode = "monitor";
        o.acquiredLockId = next;
        o.acquiredLockClass = Object.class;
        o.acquiredLockName = "";
        o.acquiredMode = (i & 1) == 0 ? "read" : "exclusive";
        o.heldLockIds = Long.toString(lock);
        o.commit();
      } else if (kind < 14) {
        h.lockId = lock;
        h.lockClass = Object.class;
        h.lockName = "";
        h.mode = "monitor";
        h.waitersAtRelease = 0;
        h.commit();
      } else if (kind < 19) {
        w.lockId = lock;
        w.lockClass = Object.class;
        w.lockName = "";
        w.mode = "monitor";
        w.heldLockIds = "";
        w.heldLocks = "";
        w.outcome = "acquired";
        w.commit();
      } else {
        InFlightEvent f = TestRecording.inFlight(i / 200, "hold", self, 600);
        f.lockId = lock;
        f.lockClass = Object.class;
        f.commit();
      }
    }
  }
}
