package io.lockwatch;

import static io.lockwatch.RecordedScenario.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.events.LockHoldEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Smoke: a long hold through the explicit API becomes a LockHold event spanning the hold. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockwatchRecordingTest {
  @Test
  void longHold_isRecordedSpanningTheHold() throws Exception {
    Lock lock = Lockwatch.wrap(new ReentrantLock(), "config");
    List<RecordedEvent> events;
    long heldNanos;
    try (RecordedScenario r = RecordedScenario.start()) {
      lock.lock();
      long t0 = System.nanoTime();
      try {
        Thread.sleep(150);
      } finally {
        heldNanos = System.nanoTime() - t0;
        lock.unlock();
      }
      events = r.stop();
    }
    List<RecordedEvent> holds = named(events, LockHoldEvent.NAME);
    assertEquals(1, holds.size(), holds.toString());
    RecordedEvent hold = holds.get(0);
    assertEquals("config", hold.getString("lockName"));
    assertEquals("exclusive", hold.getString("mode"));
    assertTrue(hold.getLong("lockId") > 0);
    assertEquals(ReentrantLock.class.getName(), hold.getClass("lockClass").getName());
    Duration d = hold.getDuration();
    assertTrue(d.toNanos() >= 148_000_000L
        && d.toNanos() <= heldNanos + 200_000_000L, d.toString());
    assertFalse(hold.getStackTrace().getFrames().isEmpty());
  }
}
