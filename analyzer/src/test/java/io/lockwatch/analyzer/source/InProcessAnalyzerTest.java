package io.lockwatch.analyzer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingStatus;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.events.FindingEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockOrderEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InProcessAnalyzerTest {

  static void order(long held, String heldName, long acquired, String acquiredName) {
    LockOrderEvent e = new LockOrderEvent();
    e.heldLockId = held;
    e.heldLockClass = Object.class;
    e.heldLockName = heldName;
    e.heldMode = "monitor";
    e.acquiredLockId = acquired;
    e.acquiredLockClass = Object.class;
    e.acquiredLockName = acquiredName;
    e.acquiredMode = "monitor";
    e.heldLockIds = Long.toString(held);
    e.commit();
  }

  static Finding await(BlockingQueue<Finding> q, FindingType type, FindingStatus status,
      long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      Finding f = q.poll(50, TimeUnit.MILLISECONDS);
      if (f != null && f.type() == type && f.status() == status) {
        return f;
      }
    }
    return null;
  }

  @Test
  void liveInversion_isReportedOnce_toListenerFileAndRecording() throws Exception {
    Path dir = Files.createTempDirectory("lockwatch-inprocess");
    Path findings = dir.resolve("findings.jsonl");
    BlockingQueue<Finding> q = new LinkedBlockingQueue<>();
    try (Recording rec = new Recording()) {
      rec.enable(FindingEvent.NAME);
      rec.start();
      try (InProcessAnalyzer a = InProcessAnalyzer.start(InProcessAnalyzer.options()
          .stderr(false).findingsFile(findings).listener(q::add))) {
        Thread t1 = new Thread(() -> order(1, "alpha", 2, "beta"), "live-1");
        t1.start();
        t1.join();
        Thread t2 = new Thread(() -> order(2, "beta", 1, "alpha"), "live-2");
        t2.start();
        t2.join();
        Finding f = await(q, FindingType.LOCK_ORDER_CYCLE, FindingStatus.NEW, 10_000);
        assertNotNull(f, "no live LOCK_ORDER_CYCLE");
        // Let the stream flush the finding events into the recording.
        Thread.sleep(1_500);
      }
      rec.stop();
      List<String> lines = Files.readAllLines(findings);
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).contains("\"type\":\"LOCK_ORDER_CYCLE\""));
      Path dump = dir.resolve("with-findings.jfr");
      rec.dump(dump);
      List<RecordedEvent> written = RecordingFile.readAllEvents(dump).stream()
          .filter(e -> e.getEventType().getName().equals(FindingEvent.NAME)).toList();
      assertEquals(2, written.size(), "one finding event per edge");
      assertEquals(written.get(0).getString("findingId"), written.get(1).getString("findingId"));
      assertEquals(2, written.get(0).getInt("parts"));
    }
  }

  @Test
  void tenSecondHoldWithWaiters_isStallWithinFourSeconds() throws Exception {
    BlockingQueue<Finding> q = new LinkedBlockingQueue<>();
    CountDownLatch stop = new CountDownLatch(1);
    Thread owner = new Thread(() -> awaitQuietly(stop), "slow-owner");
    Thread waiter = new Thread(() -> awaitQuietly(stop), "queued-waiter");
    owner.start();
    waiter.start();
    try (InProcessAnalyzer a = InProcessAnalyzer.start(InProcessAnalyzer.options().stderr(false)
        .listener(q::add))) {
      long start = System.nanoTime();
      // Stand-in for the runtime's watchdog (threshold 500 ms, period 1 s): a pass every second
      // reporting the hold and the queued waiter with their ages.
      Thread watchdog = new Thread(() -> {
        long snapshot = 0;
        try {
          Thread.sleep(500);
          while (!stop.await(0, TimeUnit.MILLISECONDS)) {
            long age = System.nanoTime() - start;
            snapshot++;
            InFlightEvent hold = state(snapshot, "hold", owner, age);
            hold.waiters = 1;
            hold.commit();
            InFlightEvent wait = state(snapshot, "lock-wait", waiter, age);
            wait.owner = owner;
            wait.commit();
            Thread.sleep(1_000);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "fake-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
      Finding stall = await(q, FindingType.STALL, FindingStatus.NEW, 10_000);
      long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      stop.countDown();
      watchdog.join(5_000);
      assertNotNull(stall, "no STALL finding");
      assertTrue(stall.summary().contains("slow-owner"), stall.summary());
      assertTrue(latencyMillis <= 4_000, "STALL after " + latencyMillis + " ms");
      // No snapshot any more: resolved by silence.
      assertNotNull(await(q, FindingType.STALL, FindingStatus.RESOLVED, 10_000));
    } finally {
      stop.countDown();
      owner.join(5_000);
      waiter.join(5_000);
    }
  }

  static InFlightEvent state(long snapshot, String state, Thread t, long ageNanos) {
    InFlightEvent e = new InFlightEvent();
    e.snapshotId = snapshot;
    e.state = state;
    e.thread = t;
    e.age = ageNanos;
    e.lockId = 42;
    e.lockClass = Object.class;
    e.lockName = "inventory";
    e.mode = "monitor";
    e.heldLockIds = "state".equals("hold") ? "42" : "";
    e.threadStack = "com.example.Inventory.rebuild:99";
    e.ownerStack = "com.example.Inventory.rebuild:99";
    return e;
  }

  static void awaitQuietly(CountDownLatch l) {
    try {
      l.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
