package io.lockwatch.analyzer;

import static io.lockwatch.analyzer.TestRecording.analyze;
import static io.lockwatch.analyzer.TestRecording.inFlight;
import static io.lockwatch.analyzer.TestRecording.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingStatus;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.findings.Severity;
import io.lockwatch.analyzer.source.FileAnalysis;
import io.lockwatch.events.InFlightEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WaitForGraphTest {
  static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    dir = TestRecording.tempDir();
  }

  static void hold(long snapshot, Thread t, long lockId, String name, int waiters, long ageMs) {
    InFlightEvent e = inFlight(snapshot, "hold", t, ageMs);
    e.lockId = lockId;
    e.lockClass = Object.class;
    e.lockName = name;
    e.waiters = waiters;
    e.heldLockIds = Long.toString(lockId);
    e.heldLocks = name;
    e.threadStack = "com.example.Owner.slowWork:42\ncom.example.Owner.run:7";
    e.commit();
  }

  static void lockWait(long snapshot, Thread t, long lockId, String name, Thread owner,
      String heldIds, String held, long ageMs) {
    InFlightEvent e = inFlight(snapshot, "lock-wait", t, ageMs);
    e.lockId = lockId;
    e.lockClass = Object.class;
    e.lockName = name;
    e.owner = owner;
    e.heldLockIds = heldIds;
    e.heldLocks = held;
    e.ownerStack = "com.example.Owner.slowWork:42";
    e.commit();
  }

  @Test
  void twoThreadsWaitingForEachOther_isDeadlock() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording(); ParkedThreads p = new ParkedThreads()) {
      Thread a = p.start("transfer-a");
      Thread b = p.start("transfer-b");
      hold(1, a, 1, "cache", 1, 900);
      hold(1, b, 2, "db", 1, 900);
      lockWait(1, a, 2, "db", b, "1", "cache", 800);
      lockWait(1, b, 1, "cache", a, "2", "db", 800);
      file = r.dump(dir, "deadlock.jfr");
    }
    List<Finding> findings = analyze(file);
    List<Finding> deadlocks = ofType(findings, FindingType.DEADLOCK);
    assertEquals(1, deadlocks.size(), findings.toString());
    Finding d = deadlocks.get(0);
    assertEquals(Severity.CRITICAL, d.severity());
    assertEquals(2, d.threads().size());
    assertEquals(2, d.stacks().size());
    assertTrue(d.summary().contains("transfer-a") && d.summary().contains("transfer-b"),
        d.summary());
  }

  @Test
  void virtualThreadsWaitingForEachOther_isDeadlock() throws Exception {
    // The runtime keys state by Thread, so virtual threads are owners and waiters like any other;
    // the snapshot marks them virtual. (A live virtual-thread deadlock is checked with the agent.)
    Path file;
    try (TestRecording r = new TestRecording(); ParkedThreads p = new ParkedThreads()) {
      Thread a = p.start("vt-a");
      Thread b = p.start("vt-b");
      InFlightEvent[] states = {
        inFlight(1, "hold", a, 900), inFlight(1, "hold", b, 900),
        inFlight(1, "lock-wait", a, 800), inFlight(1, "lock-wait", b, 800)};
      states[0].lockId = 1;
      states[1].lockId = 2;
      states[2].lockId = 2;
      states[2].owner = b;
      states[3].lockId = 1;
      states[3].owner = a;
      for (InFlightEvent e : states) {
        e.virtual = true;
        e.lockClass = java.util.concurrent.locks.ReentrantLock.class;
        e.commit();
      }
      file = r.dump(dir, "virtual.jfr");
    }
    List<Finding> deadlocks = ofType(analyze(file), FindingType.DEADLOCK);
    assertEquals(1, deadlocks.size());
    assertTrue(deadlocks.get(0).threads().stream().allMatch(t -> t.virtual()),
        deadlocks.get(0).threads().toString());
  }

  @Test
  void lockHeldWhileWaitingOnPoolWhoseWorkerNeedsIt_isDeadlock() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording(); ParkedThreads p = new ParkedThreads()) {
      Thread loop = p.start("control-loop");
      Thread worker = p.start("ForkJoinPool.commonPool-worker-1");
      hold(5, loop, 9, "state", 1, 2_000);
      InFlightEvent w = inFlight(5, "blocking-wait", loop, 2_000);
      w.waitKind = "completable-future";
      w.executorId = 3;
      w.executorName = "ForkJoinPool.commonPool";
      w.taskId = 77;
      w.heldLockIds = "9";
      w.heldLocks = "state";
      w.commit();
      InFlightEvent lw = inFlight(5, "lock-wait", worker, 1_900);
      lw.lockId = 9;
      lw.lockClass = Object.class;
      lw.lockName = "state";
      lw.owner = loop;
      lw.runningExecutorId = 3;
      lw.commit();
      file = r.dump(dir, "pooldeadlock.jfr");
    }
    List<Finding> findings = analyze(file);
    assertEquals(1, ofType(findings, FindingType.DEADLOCK).size(), findings.toString());
    // The same recording also predicts it: lock -> pool -> lock.
    assertEquals(1, ofType(findings, FindingType.LOCK_ORDER_CYCLE).size(), findings.toString());
    // And it is a stall on the lock and on the pool.
    assertTrue(ofType(findings, FindingType.STALL).size() >= 1, findings.toString());
  }

  @Test
  void everyWorkerWaitingOnItsOwnPool_isStarvationAndSelfWait() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording(); ParkedThreads p = new ParkedThreads()) {
      for (int i = 1; i <= 2; i++) {
        InFlightEvent w = inFlight(8, "blocking-wait", p.start("pool-2-thread-" + i), 1_000);
        w.waitKind = "future";
        w.executorId = 2;
        w.executorName = "pool-2";
        w.runningExecutorId = 2;
        w.taskId = 200 + i;
        w.commit();
      }
      file = r.dump(dir, "starvation.jfr");
    }
    List<Finding> findings = analyze(file);
    List<Finding> starving = ofType(findings, FindingType.POOL_STARVATION);
    assertEquals(1, starving.size(), findings.toString());
    assertEquals(2, starving.get(0).threads().size());
    assertEquals("pool-2", starving.get(0).executors().get(0).name());
    assertTrue(ofType(findings, FindingType.POOL_SELF_WAIT).size() >= 1);
    assertEquals(List.of(), ofType(findings, FindingType.DEADLOCK));
  }

  @Test
  void oneWorkerWaitingOnItsPoolWhileAnotherRuns_isSelfWaitOnly() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording(); ParkedThreads p = new ParkedThreads()) {
      InFlightEvent w = inFlight(8, "blocking-wait", p.start("pool-4-thread-1"), 1_000);
      w.waitKind = "future";
      w.executorId = 4;
      w.executorName = "pool-4";
      w.runningExecutorId = 4;
      w.commit();
      InFlightEvent busy = inFlight(8, "hold", p.start("pool-4-thread-2"), 600);
      busy.lockId = 44;
      busy.lockClass = Object.class;
      busy.lockName = "item";
      busy.runningExecutorId = 4;
      busy.commit();
      file = r.dump(dir, "selfwait.jfr");
    }
    List<Finding> findings = analyze(file);
    assertEquals(1, ofType(findings, FindingType.POOL_SELF_WAIT).size(), findings.toString());
    assertEquals(List.of(), ofType(findings, FindingType.POOL_STARVATION));
  }

  @Test
  void longLockWait_isStall_updatedNotRepeated_thenResolved() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording(); ParkedThreads p = new ParkedThreads()) {
      Thread owner = p.start("owner");
      Thread waiter = p.start("waiter");
      Thread waiter2 = p.start("waiter-2");
      // Snapshot 1: below the threshold. 2 and 3: a stall, unchanged. 4: a second waiter. 5: over.
      for (int s = 1; s <= 4; s++) {
        hold(s, owner, 5, "config", s == 4 ? 2 : 1, 1_000L * s);
        lockWait(s, waiter, 5, "config", owner, "", "", 900L * s);
        if (s == 4) {
          lockWait(s, waiter2, 5, "config", owner, "", "", 1_600);
        }
      }
      hold(5, p.start("unrelated"), 6, "other", 0, 600);
      file = r.dump(dir, "stall.jfr");
    }
    List<Finding> events = new ArrayList<>();
    LockwatchAnalyzer a = AnalyzerOptions.builder().addListener(events::add).build().newAnalyzer();
    assertEquals(List.of(), FileAnalysis.analyze(a, List.of(file)));
    List<Finding> stalls = ofType(events, FindingType.STALL);
    assertEquals(List.of(FindingStatus.NEW, FindingStatus.UPDATED, FindingStatus.RESOLVED),
        stalls.stream().map(Finding::status).toList(), stalls.toString());
    Finding first = stalls.get(0);
    assertTrue(first.summary().contains("config") && first.summary().contains("\"owner\""),
        first.summary());
    assertTrue(first.stacks().stream().anyMatch(s -> s.role().startsWith("owner")
        && s.frames().contains("com.example.Owner.slowWork:42")), first.stacks().toString());
    assertTrue(first.stacks().stream().anyMatch(s -> s.role().startsWith("waiter")));
    assertEquals(1, stalls.stream().map(Finding::id).distinct().count());
    // A long hold with waiters, still in progress, is also reported once.
    assertEquals(1, ofType(events, FindingType.LONG_HOLD).size());
  }

  @Test
  void conditionWaitWithNothingHeld_isNothing() throws Exception {
    // Object.wait / Condition.await release the lock: the runtime reports no hold and no lock wait,
    // only the (lock-free) blocking wait if any. Nothing here may produce a finding.
    Path file;
    try (TestRecording r = new TestRecording(); ParkedThreads p = new ParkedThreads()) {
      InFlightEvent w = inFlight(3, "blocking-wait", p.start("consumer"), 5_000);
      w.waitKind = "latch";
      w.commit();
      file = r.dump(dir, "condition.jfr");
    }
    assertEquals(List.of(), analyze(file));
  }
}
