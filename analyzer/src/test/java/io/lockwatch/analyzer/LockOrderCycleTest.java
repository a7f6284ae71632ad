package io.lockwatch.analyzer;

import static io.lockwatch.analyzer.TestRecording.analyze;
import static io.lockwatch.analyzer.TestRecording.ofType;
import static io.lockwatch.analyzer.TestRecording.onThread;
import static io.lockwatch.analyzer.TestRecording.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingStatus;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.findings.Severity;
import io.lockwatch.events.BlockingWaitEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.TaskExecutionEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LockOrderCycleTest {
  static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    dir = TestRecording.tempDir();
  }

  @Test
  void twoLockInversion_isOneCycleWithBothStacks() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      onThread("worker-1", () -> order(1, "cache", 2, "db"));
      onThread("worker-2", () -> order(2, "db", 1, "cache"));
      onThread("worker-3", () -> order(2, "db", 1, "cache")); // same edge again: no second report
      file = r.dump(dir, "inversion.jfr");
    }
    List<Finding> cycles = ofType(analyze(file), FindingType.LOCK_ORDER_CYCLE);
    assertEquals(1, cycles.size(), cycles.toString());
    Finding f = cycles.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(FindingStatus.NEW, f.status());
    assertEquals(2, f.stacks().size());
    assertEquals(2, f.locks().size());
    assertTrue(f.summary().contains("cache -> db -> cache"), f.summary());
    assertTrue(f.threads().stream().anyMatch(t -> t.name().equals("worker-1")));
    // Threads commit to their own buffers, so either worker-2 or worker-3 closes the cycle.
    assertTrue(f.threads().stream().anyMatch(t -> t.name().matches("worker-[23]")));
    for (var s : f.stacks()) {
      assertTrue(s.frames().stream().anyMatch(x -> x.contains("LockOrderCycleTest.lambda")),
          s.frames().toString());
    }
  }

  @Test
  void threeLockCycle_isReported() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      onThread("a", () -> order(11, "A", 12, "B"));
      onThread("b", () -> order(12, "B", 13, "C"));
      onThread("c", () -> order(13, "C", 11, "A"));
      file = r.dump(dir, "three.jfr");
    }
    List<Finding> cycles = ofType(analyze(file), FindingType.LOCK_ORDER_CYCLE);
    assertEquals(1, cycles.size());
    assertEquals(3, cycles.get(0).stacks().size());
    assertTrue(cycles.get(0).summary().contains("A -> B -> C -> A"), cycles.get(0).summary());
  }

  @Test
  void consistentOrder_hasNoCycle() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      onThread("a", () -> order(21, "A", 22, "B"));
      onThread("b", () -> order(22, "B", 23, "C"));
      onThread("c", () -> order(21, "A", 23, "C", "21,22", "monitor", "monitor"));
      file = r.dump(dir, "consistent.jfr");
    }
    assertEquals(List.of(), ofType(analyze(file), FindingType.LOCK_ORDER_CYCLE));
  }

  @Test
  void gateLock_heldAroundBothEdges_isNoCycle() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      // Both inversions happen under gate lock 30: they serialize and cannot deadlock.
      onThread("a", () -> order(31, "A", 32, "B", "30,31", "monitor", "monitor"));
      onThread("b", () -> order(32, "B", 31, "A", "30,32", "monitor", "monitor"));
      file = r.dump(dir, "gate.jfr");
    }
    assertEquals(List.of(), ofType(analyze(file), FindingType.LOCK_ORDER_CYCLE));
  }

  @Test
  void gateLock_onOneSideOnly_isStillACycle() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      onThread("a", () -> order(41, "A", 42, "B", "40,41", "monitor", "monitor"));
      onThread("b", () -> order(42, "B", 41, "A", "42", "monitor", "monitor"));
      file = r.dump(dir, "halfgate.jfr");
    }
    assertEquals(1, ofType(analyze(file), FindingType.LOCK_ORDER_CYCLE).size());
  }

  @Test
  void readReadCycle_isNoDeadlock_butWriteSideIs() throws Exception {
    Path readOnly;
    try (TestRecording r = new TestRecording()) {
      // Readers of X on both sides of the cycle at X: they share X and never wait for each other.
      onThread("a", () -> order(51, "X", 52, "Y", "51", "read", "exclusive"));
      onThread("b", () -> order(52, "Y", 51, "X", "52", "exclusive", "read"));
      readOnly = r.dump(dir, "readread.jfr");
    }
    assertEquals(List.of(), ofType(analyze(readOnly), FindingType.LOCK_ORDER_CYCLE));
    Path withWrite;
    try (TestRecording r = new TestRecording()) {
      onThread("a", () -> order(51, "X", 52, "Y", "51", "read", "exclusive"));
      onThread("b", () -> order(52, "Y", 51, "X", "52", "exclusive", "write"));
      withWrite = r.dump(dir, "readwrite.jfr");
    }
    assertEquals(1, ofType(analyze(withWrite), FindingType.LOCK_ORDER_CYCLE).size());
  }

  @Test
  void tryLockAndReleasedWaits_addNoEdge() throws Exception {
    // The runtime emits no order event for tryLock, and none for a wait that released the lock:
    // one direction only is in the recording, so there is no cycle.
    Path file;
    try (TestRecording r = new TestRecording()) {
      onThread("a", () -> order(61, "A", 62, "B"));
      file = r.dump(dir, "trylock.jfr");
    }
    assertEquals(List.of(), analyze(file));
  }

  @Test
  void cycleHalvesInTwoRecordings_areMerged() throws Exception {
    Path first;
    try (TestRecording r = new TestRecording()) {
      onThread("run1", () -> order(1, "accounts", 2, "ledger"));
      first = r.dump(dir, "run1.jfr");
    }
    Path second;
    try (TestRecording r = new TestRecording()) {
      // Another run: the same locks have other ids.
      onThread("run2", () -> order(907, "ledger", 903, "accounts"));
      second = r.dump(dir, "run2.jfr");
    }
    assertEquals(List.of(), ofType(analyze(first), FindingType.LOCK_ORDER_CYCLE));
    assertEquals(List.of(), ofType(analyze(second), FindingType.LOCK_ORDER_CYCLE));
    List<Finding> merged = ofType(analyze(first, second), FindingType.LOCK_ORDER_CYCLE);
    assertEquals(1, merged.size(), merged.toString());
    assertTrue(merged.get(0).summary().contains("different recordings"), merged.get(0).summary());
  }

  @Test
  void lockHeldWhileWaitingOnAPoolWhoseTaskNeedsIt_isCycleThroughThePool() throws Exception {
    Path file;
    Thread worker = new Thread(() -> { }, "pool-7-thread-1");
    try (TestRecording r = new TestRecording()) {
      TaskExecutionEvent task = new TaskExecutionEvent();
      task.executorId = 7;
      task.executorClass = java.util.concurrent.ThreadPoolExecutor.class;
      task.executorName = "pool-7";
      task.taskId = 100;
      task.worker = worker;
      task.commit();
      onThread("main-loop", () -> {
        BlockingWaitEvent w = new BlockingWaitEvent();
        w.begin();
        w.waitKind = "future";
        w.taskId = 101;
        w.executorId = 7;
        w.executorName = "pool-7";
        w.heldLockIds = "70";
        w.heldLocks = "state";
        w.outcome = "completed";
        w.commit();
      });
      onThread("pool-7-thread-1", () -> {
        LockWaitEvent lw = new LockWaitEvent();
        lw.begin();
        lw.lockId = 70;
        lw.lockClass = Object.class;
        lw.lockName = "state";
        lw.mode = "monitor";
        lw.heldLockIds = "";
        lw.heldLocks = "";
        lw.outcome = "acquired";
        lw.commit();
      });
      file = r.dump(dir, "poolcycle.jfr");
    }
    List<Finding> findings = analyze(file);
    List<Finding> cycles = ofType(findings, FindingType.LOCK_ORDER_CYCLE);
    assertEquals(1, cycles.size(), findings.toString());
    Finding f = cycles.get(0);
    assertEquals(1, f.executors().size());
    assertTrue(f.summary().contains("thread pool"), f.summary());
    assertEquals(1, ofType(findings, FindingType.WAIT_UNDER_LOCK).size());
  }
}
