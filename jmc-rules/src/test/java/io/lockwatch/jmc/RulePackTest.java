package io.lockwatch.jmc;

import static io.lockwatch.jmc.LockwatchRecordings.blockingWait;
import static io.lockwatch.jmc.LockwatchRecordings.finding;
import static io.lockwatch.jmc.LockwatchRecordings.hold;
import static io.lockwatch.jmc.LockwatchRecordings.idle;
import static io.lockwatch.jmc.LockwatchRecordings.lockWait;
import static io.lockwatch.jmc.LockwatchRecordings.onThread;
import static io.lockwatch.jmc.LockwatchRecordings.order;
import static io.lockwatch.jmc.LockwatchRecordings.selfDeadlock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.Severity;

/**
 * Each rule family on hazard recordings (WARNING) and their fixed twins (OK), from raw lockwatch
 * events and from finding events, evaluated with {@code RulesToolkit.evaluateParallel}.
 */
class RulePackTest {
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    dir = LockwatchRecordings.tempDir();
  }

  @Test
  void servicesFile_listsEveryRuleFamily() {
    List<String> ids = RuleEvaluation.lockwatchRules().stream().map(r -> r.getId()).toList();
    assertEquals(List.of("LockwatchLockOrderCycle", "LockwatchDeadlock", "LockwatchStall",
        "LockwatchWaitUnderLock", "LockwatchSelfDeadlock", "LockwatchPinnedUnderLock",
        "LockwatchParkContention"), ids);
  }

  @Test
  void lockOrderCycle_rawEvents_warns_consistentOrderAndGateLock_ok() throws Exception {
    Map<String, IResult> hazard = raw("cycle.jfr", () -> {
      onThread("transfer-1", () -> order(1, "accountA", 2, "accountB", "1"));
      onThread("transfer-2", () -> order(2, "accountB", 1, "accountA", "2"));
    });
    assertWarning(hazard, "LockwatchLockOrderCycle", "accountA", "accountB", "transfer-2");
    Map<String, IResult> twin = raw("cycle-fixed.jfr", () -> {
      onThread("transfer-1", () -> order(1, "accountA", 2, "accountB", "1"));
      onThread("transfer-2", () -> order(1, "accountA", 2, "accountB", "1"));
    });
    assertOk(twin, "LockwatchLockOrderCycle");
    Map<String, IResult> gated = raw("cycle-gated.jfr", () -> {
      onThread("transfer-1", () -> order(1, "accountA", 2, "accountB", "9,1"));
      onThread("transfer-2", () -> order(2, "accountB", 1, "accountA", "9,2"));
    });
    assertOk(gated, "LockwatchLockOrderCycle");
  }

  @Test
  void lockHeldWhileWaitingOnPoolThatNeedsIt_rawEvents_predictsCycle_waitOutsideLock_ok()
      throws Exception {
    Map<String, IResult> hazard = raw("pool-cycle.jfr", () -> {
      onThread("io-1", () -> {
        LockwatchRecordings.taskExecution(7, "io-pool");
        hold(1, "registry", 0, 0);
      });
      onThread("main-caller", () -> LockwatchRecordings.poolWait(7, "io-pool", "1", "registry"));
    });
    assertWarning(hazard, "LockwatchLockOrderCycle", "registry", "pool io-pool", "main-caller");
    Map<String, IResult> twin = raw("pool-cycle-fixed.jfr", () -> {
      onThread("io-1", () -> {
        LockwatchRecordings.taskExecution(7, "io-pool");
        hold(1, "registry", 0, 0);
      });
      onThread("main-caller", () -> LockwatchRecordings.poolWait(7, "io-pool", "", ""));
    });
    assertOk(twin, "LockwatchLockOrderCycle");
  }

  @Test
  void deadlock_rawInFlightSnapshot_warns_chainWithoutCycle_ok() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    try {
      Thread t1 = idle("bank-1", done);
      Thread t2 = idle("bank-2", done);
      Map<String, IResult> hazard = raw("deadlock.jfr", () -> {
        lockWait(7, t1, 1, "accountA", t2, 10);
        lockWait(7, t2, 2, "accountB", t1, 10);
      });
      assertWarning(hazard, "LockwatchDeadlock", "bank-1", "bank-2", "accountA");
      Map<String, IResult> twin = raw("deadlock-fixed.jfr", () -> lockWait(7, t1, 1, "accountA",
          t2, 10));
      assertOk(twin, "LockwatchDeadlock");
    } finally {
      done.countDown();
    }
  }

  @Test
  void stallAndLongHold_raw_warn_shortHold_ok() throws Exception {
    Map<String, IResult> hazard = raw("long-hold.jfr",
        () -> onThread("cache-loader", () -> hold(3, "cacheLock", 120, 3)));
    assertWarning(hazard, "LockwatchStall", "cacheLock", "cache-loader");
    Map<String, IResult> twin = raw("long-hold-fixed.jfr",
        () -> onThread("cache-loader", () -> hold(3, "cacheLock", 0, 3)));
    assertOk(twin, "LockwatchStall");
  }

  @Test
  void waitUnderLock_raw_warns_waitOutsideLock_ok() throws Exception {
    Map<String, IResult> hazard = raw("wait-under-lock.jfr",
        () -> onThread("order-service", () -> blockingWait("future", "4", "ordersLock")));
    assertWarning(hazard, "LockwatchWaitUnderLock", "ordersLock", "order-service", "future");
    Map<String, IResult> twin = raw("wait-under-lock-fixed.jfr",
        () -> onThread("order-service", () -> blockingWait("future", "", "")));
    assertOk(twin, "LockwatchWaitUnderLock");
  }

  @Test
  void selfDeadlock_raw_warns_plainHold_ok() throws Exception {
    Map<String, IResult> hazard = raw("self-deadlock.jfr",
        () -> onThread("upgrader", () -> selfDeadlock(5, "configLock")));
    assertWarning(hazard, "LockwatchSelfDeadlock", "configLock", "upgrader");
    Map<String, IResult> twin = raw("self-deadlock-fixed.jfr",
        () -> onThread("upgrader", () -> hold(5, "configLock", 0, 0)));
    assertOk(twin, "LockwatchSelfDeadlock");
  }

  @Test
  void everyFamily_fromFindingEvents_warns() throws Exception {
    Map<String, IResult> r = raw("findings.jfr", () -> {
      finding("f1", "LOCK_ORDER_CYCLE", "Lock-order cycle accountA -> accountB -> accountA",
          "transfer-1", "accountA", "accountB", "transfer-2", "accountB", "accountA");
      finding("f2", "POOL_STARVATION", "Every worker of pool io waits on tasks queued in io");
      finding("f3", "STALL", "3 threads blocked on cacheLock for 2 s");
      finding("f4", "WAIT_UNDER_LOCK", "order-service waits on a future holding ordersLock");
      finding("f5", "SELF_DEADLOCK", "read-to-write upgrade of configLock");
      finding("f6", "VIRTUAL_THREAD_PINNED", "virtual thread pinned holding sessionLock");
    });
    assertWarning(r, "LockwatchLockOrderCycle", "accountB", "transfer-2", "Bank.transfer:42");
    assertWarning(r, "LockwatchDeadlock", "pool io");
    assertWarning(r, "LockwatchStall", "cacheLock");
    assertWarning(r, "LockwatchWaitUnderLock", "ordersLock");
    assertWarning(r, "LockwatchSelfDeadlock", "configLock");
    assertWarning(r, "LockwatchPinnedUnderLock", "sessionLock");
  }

  @Test
  void findingEvents_ofOneFamily_leaveOtherFamiliesOk() throws Exception {
    Map<String, IResult> r = raw("findings-stall-only.jfr",
        () -> finding("f1", "STALL", "3 threads blocked on cacheLock for 2 s"));
    assertWarning(r, "LockwatchStall", "cacheLock");
    for (String id : List.of("LockwatchLockOrderCycle", "LockwatchDeadlock",
        "LockwatchWaitUnderLock", "LockwatchSelfDeadlock", "LockwatchPinnedUnderLock")) {
      assertOk(r, id);
    }
  }

  @Test
  void findingEvents_latestWriteWins_resolvedStallStillReported() throws Exception {
    Map<String, IResult> r = raw("findings-resolved.jfr", () -> {
      LockwatchRecordings.findingWithStatus("s1", "STALL", "new", "2 threads blocked on cacheLock for 1 s");
      LockwatchRecordings.sleep(20);
      LockwatchRecordings.findingWithStatus("s1", "STALL", "resolved", "2 threads blocked on cacheLock for 4 s");
    });
    assertWarning(r, "LockwatchStall", "for 4 s", "resolved");
    assertTrue(!r.get("LockwatchStall").getExplanation().contains("for 1 s"));
  }

  @Test
  void recordingWithoutLockwatchEvents_isNotApplicable() throws Exception {
    Map<String, IResult> r = raw("empty.jfr", () -> { });
    assertEquals(Severity.NA, r.get("LockwatchLockOrderCycle").getSeverity());
  }

  @Test
  void agentHealthEventsOnly_isOk() throws Exception {
    Map<String, IResult> r = raw("health.jfr", LockwatchRecordings::health);
    assertOk(r, "LockwatchLockOrderCycle");
    assertOk(r, "LockwatchSelfDeadlock");
  }

  @Test
  void workerStillWaitingOnItsOwnPool_isPoolSelfWait() throws Exception {
    Map<String, IResult> r = raw("inflight-selfwait.jfr",
        () -> LockwatchRecordings.inFlightPoolWait(1, Thread.currentThread(), 7, "jobs"));
    assertWarning(r, "LockwatchDeadlock", "jobs", "same pool");
  }

  private static Map<String, IResult> raw(String name, Runnable commits) throws Exception {
    Path file;
    try (LockwatchRecordings rec = new LockwatchRecordings()) {
      commits.run();
      file = rec.dump(dir, name);
    }
    return RuleEvaluation.evaluate(file);
  }

  static void assertWarning(Map<String, IResult> results, String ruleId, String... mentions) {
    IResult r = results.get(ruleId);
    assertEquals(Severity.WARNING, r.getSeverity(), ruleId + ": " + r.getSummary());
    String text = r.getSummary() + "\n" + r.getExplanation() + "\n" + r.getSolution();
    for (String m : mentions) {
      assertTrue(text.contains(m), ruleId + " should mention " + m + ":\n" + text);
    }
    assertTrue(r.getSolution() != null && !r.getSolution().isBlank(), ruleId + " solution");
  }

  static void assertOk(Map<String, IResult> results, String ruleId) {
    IResult r = results.get(ruleId);
    assertEquals(Severity.OK, r.getSeverity(), ruleId + ": " + r.getSummary() + "\n"
        + r.getExplanation());
  }
}
