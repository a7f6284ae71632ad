package io.lockwatch;

import static io.lockwatch.RecordedScenario.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockWaitEvent;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Contention across threads: owners, waiters, and virtual threads as their own owners. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContendedRecordingTest {
  private final List<Thread> threads = new ArrayList<>();

  @AfterEach
  void stopThreads() throws InterruptedException {
    for (Thread t : threads) {
      t.interrupt();
      t.join(10_000);
    }
  }

  @Test
  void contendedAcquisition_isALockWaitNamingTheOwner_andTheHoldCountsTheWaiter()
      throws Exception {
    Lock lock = Lockwatch.wrap(new ReentrantLock(), "sessions");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch waiterDone = new CountDownLatch(1);
    Thread owner = new Thread(() -> {
      lock.lock();
      try {
        held.countDown();
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        lock.unlock();
      }
      try {
        // stay alive until the waiter committed its event: JDK 17 writes a Thread field of an
        // exited thread as N/A
        waiterDone.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sessions-owner");
    Thread waiter = new Thread(() -> {
      lock.lock();
      lock.unlock();
    }, "sessions-waiter");
    threads.add(owner);
    threads.add(waiter);
    List<RecordedEvent> events;
    try (RecordedScenario r = RecordedScenario.start()) {
      owner.start();
      held.await();
      waiter.start();
      awaitParked(waiter);
      Thread.sleep(200); // let both the hold and the wait pass their 10 ms thresholds, even on a
      // loaded machine where the coarse clock ticker may be descheduled for tens of ms
      release.countDown();
      waiter.join();
      waiterDone.countDown();
      owner.join();
      events = r.stop();
    }
    RecordedEvent wait = only(named(events, LockWaitEvent.NAME), "sessions");
    assertEquals("acquired", wait.getString("outcome"));
    assertEquals("sessions-waiter", wait.getThread().getJavaName());
    assertEquals("sessions-owner", wait.getThread("owner").getJavaName());
    assertEquals("", wait.getString("heldLocks"));
    RecordedEvent hold = only(named(events, LockHoldEvent.NAME).stream()
        .filter(e -> e.getThread().getJavaName().equals("sessions-owner"))
        .collect(Collectors.toList()), "sessions");
    assertEquals(1, hold.getInt("waitersAtRelease"));
  }

  @Test
  void virtualThread_isItsOwnOwner_inTheInFlightSnapshot() throws Exception {
    Method startVirtual;
    try {
      startVirtual = Thread.class.getMethod("startVirtualThread", Runnable.class);
    } catch (NoSuchMethodException e) {
      startVirtual = null;
    }
    assumeTrue(startVirtual != null, "virtual threads need JDK 21+");
    Lock lock = Lockwatch.wrap(new ReentrantLock(), "vt-lock");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Runnable body = () -> {
      lock.lock();
      try {
        held.countDown();
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        lock.unlock();
      }
    };
    try (RecordedScenario r = RecordedScenario.start()) {
      Thread vt = (Thread) startVirtual.invoke(null, body);
      threads.add(vt);
      held.await();
      List<RecordedEvent> inFlight = r.awaitEvents(e -> e.getEventType().getName()
          .equals(InFlightEvent.NAME) && "vt-lock".equals(e.getString("lockName")),
          Duration.ofSeconds(20));
      assertTrue(inFlight.get(0).getBoolean("virtual"));
      assertEquals("hold", inFlight.get(0).getString("state"));
      release.countDown();
      vt.join();
      r.stop();
    }
  }

  private static RecordedEvent only(List<RecordedEvent> events, String lockName) {
    List<RecordedEvent> matching = events.stream()
        .filter(e -> lockName.equals(e.getString("lockName"))).collect(Collectors.toList());
    assertEquals(1, matching.size(), matching.toString());
    return matching.get(0);
  }

  private static void awaitParked(Thread t) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (t.getState() != Thread.State.WAITING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(t.getName() + " did not block: " + t.getState());
      }
      Thread.sleep(5);
    }
  }
}
