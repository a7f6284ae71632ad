package io.lockwatch.jmc;

import static io.lockwatch.jmc.RulePackTest.assertOk;
import static io.lockwatch.jmc.RulePackTest.assertWarning;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lockwatch.events.LockHoldEvent;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.openjdk.jmc.flightrecorder.rules.IResult;

/** The rules over the JDK's own jdk.ThreadPark and jdk.VirtualThreadPinned events. */
class ParkAndPinningTest {

  @Test
  void contendedReentrantLock_warnsPerLockClass_uncontended_ok() throws Exception {
    Path dir = LockwatchRecordings.tempDir();
    Path hazard;
    try (LockwatchRecordings rec = new LockwatchRecordings()) {
      ReentrantLock lock = new ReentrantLock();
      CountDownLatch held = new CountDownLatch(1);
      Thread owner = new Thread(() -> {
        lock.lock();
        try {
          held.countDown();
          LockwatchRecordings.sleep(200);
        } finally {
          lock.unlock();
        }
      }, "owner");
      owner.setDaemon(true);
      owner.start();
      held.await(10, TimeUnit.SECONDS);
      LockwatchRecordings.onThread("waiter", () -> {
        lock.lock();
        lock.unlock();
      });
      owner.join(10_000);
      hazard = rec.dump(dir, "park.jfr");
    }
    assertWarning(RuleEvaluation.evaluate(hazard), "LockwatchParkContention",
        "java.util.concurrent.locks.ReentrantLock");
    Path twin;
    try (LockwatchRecordings rec = new LockwatchRecordings()) {
      ReentrantLock lock = new ReentrantLock();
      LockwatchRecordings.onThread("alone", () -> {
        lock.lock();
        lock.unlock();
      });
      twin = rec.dump(dir, "park-fixed.jfr");
    }
    assertOk(RuleEvaluation.evaluate(twin), "LockwatchParkContention");
  }

  @Test
  void virtualThreadPinnedWhileHoldingLock_warns_unpinnedHold_ok() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+");
    Path dir = LockwatchRecordings.tempDir();
    Path hazard;
    try (LockwatchRecordings rec = new LockwatchRecordings()) {
      // Blocking in a class initializer pins on every JDK (monitors pin only before JDK 24).
      startVirtual(() -> holding(SlowInit::touch)).join(10_000);
      hazard = rec.dump(dir, "pinned.jfr");
    }
    Map<String, IResult> r = RuleEvaluation.evaluate(hazard);
    assertWarning(r, "LockwatchPinnedUnderLock", "sessionLock");
    assertWarning(r, "LockwatchParkContention", "pinning");
    Path twin;
    try (LockwatchRecordings rec = new LockwatchRecordings()) {
      startVirtual(() -> holding(() -> LockwatchRecordings.sleep(100))).join(10_000);
      twin = rec.dump(dir, "pinned-fixed.jfr");
    }
    Map<String, IResult> t = RuleEvaluation.evaluate(twin);
    assertOk(t, "LockwatchPinnedUnderLock");
  }

  private static void holding(Runnable r) {
    LockHoldEvent e = new LockHoldEvent();
    e.begin();
    r.run();
    e.lockId = 11;
    e.lockClass = ReentrantLock.class;
    e.lockName = "sessionLock";
    e.mode = "exclusive";
    e.waitersAtRelease = 0;
    e.commit();
  }

  private static Thread startVirtual(Runnable r) throws Exception {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
    return (Thread) start.invoke(builder, r);
  }

  /** Blocks in its static initializer, which pins a virtual thread to its carrier. */
  static final class SlowInit {
    static {
      LockwatchRecordings.sleep(100);
    }

    private SlowInit() {}

    static void touch() {}
  }
}
