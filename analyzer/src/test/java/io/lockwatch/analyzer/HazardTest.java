package io.lockwatch.analyzer;

import static io.lockwatch.analyzer.TestRecording.analyze;
import static io.lockwatch.analyzer.TestRecording.ofType;
import static io.lockwatch.analyzer.TestRecording.onThread;
import static io.lockwatch.analyzer.TestRecording.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.findings.Severity;
import io.lockwatch.analyzer.findings.Suppressions;
import io.lockwatch.events.BlockingWaitEvent;
import io.lockwatch.events.DeclaredLockOrderEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.SelfDeadlockEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HazardTest {
  static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    dir = TestRecording.tempDir();
  }

  static void hold(long lockId, String name, int waitersAtRelease, long sleepMillis)
      throws InterruptedException {
    LockHoldEvent h = new LockHoldEvent();
    h.begin();
    Thread.sleep(sleepMillis); // a real Thread.sleep: jdk.ThreadSleep is recorded inside the hold
    h.end();
    h.lockId = lockId;
    h.lockClass = Object.class;
    h.lockName = name;
    h.mode = "monitor";
    h.waitersAtRelease = waitersAtRelease;
    h.commit();
  }

  @Test
  void futureGetUnderLock_isWaitUnderLock_once() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      for (int i = 0; i < 3; i++) {
        BlockingWaitEvent w = new BlockingWaitEvent();
        w.begin();
        w.waitKind = "future";
        w.targetClass = java.util.concurrent.FutureTask.class;
        w.heldLockIds = "5";
        w.heldLocks = "orders";
        w.executorName = "";
        w.outcome = "completed";
        w.commit();
      }
      file = r.dump(dir, "waitunderlock.jfr");
    }
    List<Finding> f = ofType(analyze(file), FindingType.WAIT_UNDER_LOCK);
    assertEquals(1, f.size(), f.toString());
    assertTrue(f.get(0).summary().contains("future") && f.get(0).summary().contains("orders"));
    assertEquals("orders", f.get(0).locks().get(0).name());
  }

  @Test
  void sleepInsideHold_isWaitUnderLock_andLongHoldWithWaiters() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      hold(9, "session", 2, 30);
      hold(10, "quiet", 0, 30); // no waiters: not a long hold (still a sleep under lock)
      file = r.dump(dir, "sleepunderlock.jfr");
    }
    List<Finding> all = analyze(AnalyzerOptions.builder().setLongHoldThreshold(Duration.ofMillis(5)),
        file);
    List<Finding> longHolds = ofType(all, FindingType.LONG_HOLD);
    assertEquals(1, longHolds.size(), all.toString());
    assertTrue(longHolds.get(0).summary().contains("session"));
    List<Finding> waits = ofType(all, FindingType.WAIT_UNDER_LOCK);
    assertEquals(2, waits.size(), all.toString());
    assertTrue(waits.get(0).summary().contains("sleep"), waits.get(0).summary());
    assertEquals(2, waits.get(0).stacks().size());
  }

  @Test
  void timedOutTryLocksInsideHold_makeItALongHold_evenWithNoWaiterAtRelease() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      LockHoldEvent h = new LockHoldEvent();
      h.begin();
      for (int i = 1; i <= 2; i++) {
        onThread("request-" + i, () -> {
          LockWaitEvent w = new LockWaitEvent();
          w.begin();
          sleepQuietly(3);
          w.end();
          w.lockId = 12;
          w.lockClass = Object.class;
          w.lockName = "config";
          w.mode = "exclusive";
          w.outcome = "timed-out";
          w.commit();
        });
      }
      sleepQuietly(20);
      h.end();
      h.lockId = 12;
      h.lockClass = Object.class;
      h.lockName = "config";
      h.mode = "exclusive";
      h.waitersAtRelease = 0; // the requesters had given up by the release
      h.commit();
      hold(13, "unrelated", 0, 20); // nobody waited for this one
      file = r.dump(dir, "trylock-hold.jfr");
    }
    List<Finding> all = analyze(AnalyzerOptions.builder().setLongHoldThreshold(Duration.ofMillis(5)),
        file);
    List<Finding> longHolds = ofType(all, FindingType.LONG_HOLD);
    assertEquals(1, longHolds.size(), all.toString());
    assertTrue(longHolds.get(0).summary().contains("config")
        && longHolds.get(0).summary().contains("waited for it"), longHolds.get(0).summary());
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void readToWriteUpgrade_isSelfDeadlock() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      SelfDeadlockEvent e = new SelfDeadlockEvent();
      e.lockId = 3;
      e.lockClass = java.util.concurrent.locks.ReentrantReadWriteLock.class;
      e.lockName = "registry";
      e.heldMode = "read";
      e.requestedMode = "write";
      e.kind = "upgrade";
      e.commit();
      file = r.dump(dir, "upgrade.jfr");
    }
    List<Finding> f = ofType(analyze(file), FindingType.SELF_DEADLOCK);
    assertEquals(1, f.size());
    assertEquals(Severity.CRITICAL, f.get(0).severity());
    assertTrue(f.get(0).summary().contains("upgrade"), f.get(0).summary());
  }

  @Test
  void acquisitionAgainstDeclaredOrder_isViolationAtOnce() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      DeclaredLockOrderEvent d = new DeclaredLockOrderEvent();
      d.orderName = "main";
      d.lockNames = "config -> users -> sessions";
      d.commit();
      onThread("ok", () -> order(1, "config", 3, "sessions"));
      onThread("bad", () -> order(3, "sessions", 2, "users"));
      file = r.dump(dir, "declared.jfr");
    }
    List<Finding> all = analyze(file);
    List<Finding> f = ofType(all, FindingType.ORDER_VIOLATION);
    assertEquals(1, f.size(), all.toString());
    assertTrue(f.get(0).summary().contains("acquired users while holding sessions"),
        f.get(0).summary());
    assertEquals(List.of(), ofType(all, FindingType.LOCK_ORDER_CYCLE));
  }

  @Test
  void suppressions_hideMatchingFindingsOnly() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      onThread("a", () -> order(1, "com.foo.cache", 2, "com.foo.db"));
      onThread("b", () -> order(2, "com.foo.db", 1, "com.foo.cache"));
      onThread("c", () -> order(3, "bar.x", 4, "bar.y"));
      onThread("d", () -> order(4, "bar.y", 3, "bar.x"));
      file = r.dump(dir, "suppress.jfr");
    }
    Suppressions s = Suppressions.parse(List.of("# legacy code", "type:LOCK_ORDER_CYCLE lock:com.foo.*"));
    List<Finding> f = analyze(AnalyzerOptions.builder().setSuppressions(s), file);
    assertEquals(1, f.size(), f.toString());
    assertTrue(f.get(0).summary().contains("bar.x"));
  }
}
