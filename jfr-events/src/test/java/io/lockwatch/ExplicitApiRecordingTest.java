package io.lockwatch;

import static io.lockwatch.RecordedScenario.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.events.BlockingWaitEvent;
import io.lockwatch.events.DeclaredLockOrderEvent;
import io.lockwatch.events.ExecutorSubmitEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.RuntimeHealthEvent;
import io.lockwatch.events.SelfDeadlockEvent;
import io.lockwatch.events.TaskExecutionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmc.common.item.IItemCollection;

/**
 * Real recordings (lockwatch.jfc) of small scenarios driven through the explicit API, read back
 * with both {@code RecordingFile} and JMC's parser. Deadlocks use {@code lockInterruptibly} and are
 * broken by interrupting in {@link #breakDeadlocks()}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExplicitApiRecordingTest {
  private final List<Thread> threads = new ArrayList<>();

  @AfterEach
  void breakDeadlocks() throws InterruptedException {
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      t.join(10_000);
    }
  }

  @Test
  void holdEvent_hasFieldsLabelsAndCategory_inBothParsers() throws Exception {
    Lock lock = Lockwatch.wrap(new ReentrantLock(), "users");
    List<RecordedEvent> events;
    IItemCollection jmc;
    try (RecordedScenario r = RecordedScenario.start()) {
      lock.lock();
      try {
        lock.lock(); // re-entry is counted, not a second hold
        try {
          Thread.sleep(150);
        } finally {
          lock.unlock();
        }
      } finally {
        lock.unlock();
      }
      events = r.stop();
      jmc = r.loadWithJmc();
    }
    List<RecordedEvent> holds = named(events, LockHoldEvent.NAME);
    assertEquals(1, holds.size(), holds.toString());
    RecordedEvent hold = holds.get(0);
    assertEquals("Lock Hold", hold.getEventType().getLabel());
    assertEquals(List.of("Lockwatch", "Locks"), hold.getEventType().getCategoryNames());
    assertEquals("users", hold.getString("lockName"));
    assertEquals("exclusive", hold.getString("mode"));
    assertEquals(0, hold.getInt("waitersAtRelease"));
    assertTrue(hold.getDuration().toMillis() >= 149, hold.getDuration().toString());
    assertEquals("lockwatch.LockId", hold.getEventType().getField("lockId").getContentType());

    assertEquals(1, JmcItems.count(jmc, LockHoldEvent.NAME));
    assertEquals("Lock Hold", JmcItems.label(jmc, LockHoldEvent.NAME));
    assertEquals(List.of("users"), JmcItems.values(jmc, LockHoldEvent.NAME, "lockName"));
    assertEquals(List.of("exclusive"), JmcItems.values(jmc, LockHoldEvent.NAME, "mode"));
  }

  @Test
  void defaultSettingsOnly_recordNoLockwatchEvents() throws Exception {
    Lock lock = Lockwatch.wrap(new ReentrantLock(), "quiet");
    Lock other = Lockwatch.wrap(new ReentrantLock(), "quiet2");
    List<RecordedEvent> events;
    IItemCollection jmc;
    try (RecordedScenario r = RecordedScenario.start(Configuration.getConfiguration("default"))) {
      lock.lock();
      try {
        other.lock();
        try {
          Thread.sleep(60);
        } finally {
          other.unlock();
        }
      } finally {
        lock.unlock();
      }
      events = r.stop();
      jmc = r.loadWithJmc();
    }
    assertFalse(events.isEmpty(), "the default recording records JDK events");
    List<String> lockwatch = events.stream().map(e -> e.getEventType().getName())
        .filter(n -> n.startsWith("lockwatch.")).distinct().collect(Collectors.toList());
    assertEquals(List.of(), lockwatch);
    assertEquals(0, JmcItems.count(jmc, LockHoldEvent.NAME));
    assertEquals(0, JmcItems.count(jmc, LockOrderEvent.NAME));
  }

  @Test
  void conditionWait_isNotAHold() throws Exception {
    Lock lock = Lockwatch.wrap(new ReentrantLock(), "queue");
    Condition notEmpty = lock.newCondition();
    List<RecordedEvent> events;
    try (RecordedScenario r = RecordedScenario.start()) {
      lock.lock();
      try {
        long left = TimeUnit.MILLISECONDS.toNanos(150);
        while (left > 0) {
          left = notEmpty.awaitNanos(left); // nobody signals: waits the full 150 ms
        }
      } finally {
        lock.unlock();
      }
      events = r.stop();
    }
    List<RecordedEvent> holds = named(events, LockHoldEvent.NAME).stream()
        .filter(e -> "queue".equals(e.getString("lockName"))).collect(Collectors.toList());
    assertEquals(List.of(), holds, "the 150 ms condition wait must not be reported as a hold");
  }

  @Test
  void inFlight_reportsAHoldThatHasNotEnded() throws Exception {
    Lock lock = Lockwatch.wrap(new ReentrantLock(), "stuck");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      lock.lock();
      try {
        held.countDown();
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        lock.unlock();
      }
    }, "stuck-holder");
    threads.add(holder);
    try (RecordedScenario r = RecordedScenario.start()) {
      holder.start();
      held.await();
      List<RecordedEvent> inFlight = r.awaitEvents(e -> e.getEventType().getName()
          .equals(InFlightEvent.NAME) && "stuck".equals(e.getString("lockName")),
          Duration.ofSeconds(20));
      RecordedEvent e = inFlight.get(0);
      assertEquals("hold", e.getString("state"));
      assertEquals("stuck-holder", e.getThread("thread").getJavaName());
      assertTrue(e.getDuration("age").toMillis() >= 500);
      assertEquals("exclusive", e.getString("mode"));
      assertEquals("In-Flight Lock State", e.getEventType().getLabel());
      assertEquals(List.of("Lockwatch", "Watchdog"), e.getEventType().getCategoryNames());
      // the hold has not ended: no LockHold event for it yet
      assertEquals(List.of(), r.peek(x -> x.getEventType().getName().equals(LockHoldEvent.NAME)
          && "stuck".equals(x.getString("lockName"))));
      release.countDown();
      holder.join();
      r.stop();
    }
  }

  @Test
  void orderEdge_isWrittenOncePerEdge_andBeforeBlocking() throws Exception {
    Lock cache = Lockwatch.wrap(new ReentrantLock(), "cache");
    Lock db = Lockwatch.wrap(new ReentrantLock(), "db");
    CountDownLatch bothHold = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    try (RecordedScenario r = RecordedScenario.start()) {
      for (int i = 0; i < 3; i++) { // the same edge three times: one event
        cache.lock();
        try {
          db.lock();
          db.unlock();
        } finally {
          cache.unlock();
        }
      }
      threads.add(embrace("embrace-1", cache, db, bothHold, go));
      threads.add(embrace("embrace-2", db, cache, bothHold, go));
      threads.forEach(Thread::start);
      bothHold.await();
      go.countDown();
      for (Thread t : threads) {
        awaitParked(t);
      }
      // Both threads are blocked forever: the inverted edge exists only if it was written
      // before embrace-2 blocked on "cache".
      List<RecordedEvent> edges = r.peek(e -> e.getEventType().getName()
          .equals(LockOrderEvent.NAME) && names(e).matches("(cache->db|db->cache)"));
      List<String> pairs = edges.stream().map(ExplicitApiRecordingTest::names).sorted()
          .collect(Collectors.toList());
      assertEquals(List.of("cache->db", "db->cache"), pairs);
      RecordedEvent inverted = edges.stream().filter(e -> names(e).equals("db->cache"))
          .findFirst().orElseThrow();
      assertEquals("embrace-2", inverted.getThread().getJavaName());
      assertEquals("exclusive", inverted.getString("heldMode"));
      assertFalse(inverted.getStackTrace().getFrames().isEmpty());

      // the watchdog sees the deadlock while it lasts: a wait with its owner
      List<RecordedEvent> waits = r.awaitEvents(e -> e.getEventType().getName()
          .equals(InFlightEvent.NAME) && "lock-wait".equals(e.getString("state"))
          && "cache".equals(e.getString("lockName")), Duration.ofSeconds(20));
      RecordedEvent wait = waits.get(0);
      assertEquals("embrace-2", wait.getThread("thread").getJavaName());
      assertEquals("embrace-1", wait.getThread("owner").getJavaName());
      assertEquals("db", wait.getString("heldLocks"));
      breakDeadlocks();
      threads.clear();
      r.stop();
    }
  }

  @Test
  void timedOutTryLock_isALockWaitWithOutcomeTimedOut() throws Exception {
    Lock lock = Lockwatch.wrap(new ReentrantLock(), "contended");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
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
    }, "contended-owner");
    threads.add(owner);
    List<RecordedEvent> events;
    IItemCollection jmc;
    try (RecordedScenario r = RecordedScenario.start()) {
      owner.start();
      held.await();
      assertFalse(lock.tryLock(50, TimeUnit.MILLISECONDS));
      release.countDown();
      owner.join();
      events = r.stop();
      jmc = r.loadWithJmc();
    }
    List<RecordedEvent> waits = named(events, LockWaitEvent.NAME).stream()
        .filter(e -> "contended".equals(e.getString("lockName"))).collect(Collectors.toList());
    assertEquals(1, waits.size(), waits.toString());
    RecordedEvent w = waits.get(0);
    assertEquals("timed-out", w.getString("outcome"));
    assertEquals("contended-owner", w.getThread("owner").getJavaName());
    assertTrue(w.getDuration().toMillis() >= 45, w.getDuration().toString());
    assertEquals(List.of("timed-out"), JmcItems.values(jmc, LockWaitEvent.NAME, "outcome"));
  }

  @Test
  void readToWriteUpgrade_isASelfDeadlock() throws Exception {
    ReadWriteLock rw = Lockwatch.wrap(new ReentrantReadWriteLock(), "settings");
    List<RecordedEvent> events;
    try (RecordedScenario r = RecordedScenario.start()) {
      rw.readLock().lock();
      try {
        // would block forever with lock(); the timed attempt reports and gives up
        assertFalse(rw.writeLock().tryLock(20, TimeUnit.MILLISECONDS));
      } finally {
        rw.readLock().unlock();
      }
      events = r.stop();
    }
    List<RecordedEvent> self = named(events, SelfDeadlockEvent.NAME);
    assertEquals(1, self.size(), self.toString());
    assertEquals("upgrade", self.get(0).getString("kind"));
    assertEquals("read", self.get(0).getString("heldMode"));
    assertEquals("write", self.get(0).getString("requestedMode"));
    assertEquals("settings", self.get(0).getString("lockName"));
    List<RecordedEvent> waits = named(events, LockWaitEvent.NAME).stream()
        .filter(e -> "settings".equals(e.getString("lockName"))).collect(Collectors.toList());
    assertEquals(1, waits.size());
    assertEquals("timed-out", waits.get(0).getString("outcome"));
    assertEquals("write", waits.get(0).getString("mode"));
    assertEquals("settings", waits.get(0).getString("heldLocks"));
  }

  @Test
  void futureGetUnderLock_isABlockingWaitOnTheExecutor() throws Exception {
    Lock lock = Lockwatch.wrap(new ReentrantLock(), "state");
    ExecutorService pool = Lockwatch.wrap(Executors.newFixedThreadPool(1), "workers");
    List<RecordedEvent> events;
    try (RecordedScenario r = RecordedScenario.start()) {
      lock.lock();
      try {
        Future<Integer> f = pool.submit(() -> {
          Thread.sleep(60);
          return 42;
        });
        assertEquals(42, f.get());
      } finally {
        lock.unlock();
      }
      // the worker reports the task's end after completing the future: wait for it
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
      events = r.stop();
    } finally {
      pool.shutdownNow();
    }
    List<RecordedEvent> submits = named(events, ExecutorSubmitEvent.NAME);
    assertEquals(1, submits.size(), submits.toString());
    RecordedEvent submit = submits.get(0);
    assertEquals("workers", submit.getString("executorName"));
    assertEquals("state", submit.getString("heldLocks"));
    long executorId = submit.getLong("executorId");
    long taskId = submit.getLong("taskId");
    assertTrue(executorId > 0 && taskId > 0);

    List<RecordedEvent> blocking = named(events, BlockingWaitEvent.NAME);
    assertEquals(1, blocking.size(), blocking.toString());
    RecordedEvent b = blocking.get(0);
    assertEquals("future", b.getString("waitKind"));
    assertEquals(executorId, b.getLong("executorId"));
    assertEquals(taskId, b.getLong("taskId"));
    assertEquals("workers", b.getString("executorName"));
    assertEquals("state", b.getString("heldLocks"));
    assertEquals("completed", b.getString("outcome"));
    assertTrue(b.getDuration().toMillis() >= 25, b.getDuration().toString());

    List<RecordedEvent> tasks = named(events, TaskExecutionEvent.NAME);
    assertEquals(1, tasks.size(), tasks.toString());
    RecordedEvent t = tasks.get(0);
    assertEquals(taskId, t.getLong("taskId"));
    assertTrue(t.getBoolean("submittedUnderLock"));
    assertTrue(t.getDuration("runTime").toMillis() >= 25);
    assertTrue(t.getDuration().compareTo(t.getDuration("runTime")) >= 0);
  }

  @Test
  void declaredOrderAndHealth_areWrittenPeriodically() throws Exception {
    Lockwatch.declareOrder("app", "config", "users", "sessions");
    List<RecordedEvent> events;
    try (RecordedScenario r = RecordedScenario.start()) {
      r.awaitEvents(e -> e.getEventType().getName().equals(RuntimeHealthEvent.NAME),
          Duration.ofSeconds(20));
      events = r.stop();
    }
    List<RecordedEvent> declared = named(events, DeclaredLockOrderEvent.NAME);
    assertFalse(declared.isEmpty());
    assertEquals("config -> users -> sessions", declared.get(0).getString("lockNames"));
    assertEquals("app", declared.get(0).getString("orderName"));
    RecordedEvent health = named(events, RuntimeHealthEvent.NAME).get(0);
    assertTrue(health.getLong("trackedThreads") >= 1);
    assertEquals(0, health.getLong("suppressedErrors"));
  }

  private static String names(RecordedEvent e) {
    return e.getString("heldLockName") + "->" + e.getString("acquiredLockName");
  }

  private static Thread embrace(String name, Lock first, Lock second, CountDownLatch bothHold,
      CountDownLatch go) {
    return new Thread(() -> {
      first.lock();
      try {
        bothHold.countDown();
        go.await();
        second.lockInterruptibly();
        second.unlock();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        first.unlock();
      }
    }, name);
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
