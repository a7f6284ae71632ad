package io.lockwatch.jmc;

import io.lockwatch.events.BlockingWaitEvent;
import io.lockwatch.events.ExecutorSubmitEvent;
import io.lockwatch.events.FindingEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.SelfDeadlockEvent;
import io.lockwatch.events.TaskExecutionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;

/**
 * Real JFR recordings of lockwatch events committed by the test itself, as the runtime and the
 * analyzer would write them: raw events, and {@code lockwatch.Finding} events.
 */
final class LockwatchRecordings implements AutoCloseable {
  private final Recording recording = new Recording();

  LockwatchRecordings() {
    for (String name : List.of(LockOrderEvent.NAME, LockHoldEvent.NAME, LockWaitEvent.NAME,
        BlockingWaitEvent.NAME, InFlightEvent.NAME, SelfDeadlockEvent.NAME,
        TaskExecutionEvent.NAME, ExecutorSubmitEvent.NAME, FindingEvent.NAME,
        io.lockwatch.events.RuntimeHealthEvent.NAME, "jdk.ThreadPark",
        "jdk.VirtualThreadPinned")) {
      recording.enable(name).withStackTrace().withThreshold(Duration.ZERO);
    }
    recording.start();
  }

  Path dump(Path dir, String name) throws IOException {
    recording.stop();
    Path p = dir.resolve(name);
    recording.dump(p);
    return p;
  }

  @Override
  public void close() {
    recording.close();
  }

  static Path tempDir() throws IOException {
    return Files.createTempDirectory("lockwatch-jmc-test");
  }

  /** Runs {@code r} on a new thread with this name, and waits for it. */
  static void onThread(String name, Runnable r) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        r.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  /** A started daemon thread that waits until {@code done} opens, to be named in events. */
  static Thread idle(String name, CountDownLatch done) {
    Thread t = new Thread(() -> {
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void order(long held, String heldName, long acquired, String acquiredName,
      String heldIds) {
    LockOrderEvent e = new LockOrderEvent();
    e.heldLockId = held;
    e.heldLockClass = Object.class;
    e.heldLockName = heldName;
    e.heldMode = "monitor";
    e.acquiredLockId = acquired;
    e.acquiredLockClass = Object.class;
    e.acquiredLockName = acquiredName;
    e.acquiredMode = "monitor";
    e.heldLockIds = heldIds;
    e.commit();
  }

  /** The agent's health event alone: the agent ran, the program left no other event. */
  static void health() {
    new io.lockwatch.events.RuntimeHealthEvent().commit();
  }

  /** A worker of pool {@code executorId} still blocked on one of that pool's tasks. */
  static void inFlightPoolWait(long snapshot, Thread thread, long executorId, String executorName) {
    InFlightEvent e = new InFlightEvent();
    e.snapshotId = snapshot;
    e.state = "blocking-wait";
    e.thread = thread;
    e.age = 5_000_000_000L;
    e.mode = "";
    e.waitKind = "future";
    e.taskId = 3;
    e.executorId = executorId;
    e.executorName = executorName;
    e.runningExecutorId = executorId;
    e.heldLockIds = "";
    e.heldLocks = "";
    e.threadStack = "java.util.concurrent.FutureTask.get\ncom.example.Jobs.run:63";
    e.ownerStack = "";
    e.commit();
  }

  static void lockWait(long snapshot, Thread thread, long lockId, String lockName, Thread owner,
      long ageMillis) {
    InFlightEvent e = new InFlightEvent();
    e.snapshotId = snapshot;
    e.state = "lock-wait";
    e.thread = thread;
    e.age = ageMillis * 1_000_000L;
    e.lockId = lockId;
    e.lockClass = Object.class;
    e.lockName = lockName;
    e.mode = "exclusive";
    e.owner = owner;
    e.waitKind = "";
    e.executorName = "";
    e.heldLockIds = "";
    e.heldLocks = "";
    e.threadStack = "com.example.Bank.transfer:42\ncom.example.Bank.run:10";
    e.ownerStack = "com.example.Bank.audit:77";
    e.commit();
  }

  static void hold(long lockId, String lockName, long sleepMillis, int waiters) {
    LockHoldEvent e = new LockHoldEvent();
    e.begin();
    sleep(sleepMillis);
    e.lockId = lockId;
    e.lockClass = Object.class;
    e.lockName = lockName;
    e.mode = "exclusive";
    e.waitersAtRelease = waiters;
    e.commit();
  }

  static void blockingWait(String kind, String heldIds, String heldLocks) {
    BlockingWaitEvent e = new BlockingWaitEvent();
    e.begin();
    e.waitKind = kind;
    e.targetClass = Object.class;
    e.executorName = "";
    e.heldLockIds = heldIds;
    e.heldLocks = heldLocks;
    e.outcome = "completed";
    e.commit();
  }

  /** The current thread, a worker of pool {@code executorId}, ran a task. */
  static void taskExecution(long executorId, String executorName) {
    TaskExecutionEvent e = new TaskExecutionEvent();
    e.executorId = executorId;
    e.executorClass = java.util.concurrent.ThreadPoolExecutor.class;
    e.executorName = executorName;
    e.taskId = 1;
    e.taskClass = Runnable.class;
    e.worker = Thread.currentThread();
    e.commit();
  }

  /** The current thread waited on a task of pool {@code executorId}. */
  static void poolWait(long executorId, String executorName, String heldIds, String heldLocks) {
    BlockingWaitEvent e = new BlockingWaitEvent();
    e.begin();
    e.waitKind = "future";
    e.targetClass = java.util.concurrent.Future.class;
    e.taskId = 1;
    e.executorId = executorId;
    e.executorName = executorName;
    e.heldLockIds = heldIds;
    e.heldLocks = heldLocks;
    e.outcome = "completed";
    e.commit();
  }

  static void selfDeadlock(long lockId, String lockName) {
    SelfDeadlockEvent e = new SelfDeadlockEvent();
    e.lockId = lockId;
    e.lockClass = java.util.concurrent.locks.ReentrantReadWriteLock.class;
    e.lockName = lockName;
    e.heldMode = "read";
    e.requestedMode = "write";
    e.kind = "upgrade";
    e.commit();
  }

  /** Commits one finding as the analyzer's FindingEventWriter would (one event per part). */
  static void finding(String id, String type, String summary, String... edges) {
    findingWithStatus(id, type, "new", summary, edges);
  }

  /** Commits one finding with a status (new, updated, resolved). */
  static void findingWithStatus(String id, String type, String status, String summary,
      String... edges) {
    int parts = Math.max(1, edges.length / 3);
    for (int i = 0; i < parts; i++) {
      FindingEvent e = new FindingEvent();
      e.findingId = id;
      e.type = type;
      e.severity = "WARNING";
      e.summary = summary;
      e.firstSeen = System.currentTimeMillis();
      e.status = status;
      e.part = i;
      e.parts = parts;
      e.threadName = edges.length > 0 ? edges[3 * i] : "main";
      e.fromLock = edges.length > 0 ? edges[3 * i + 1] : "lockA";
      e.toLock = edges.length > 0 ? edges[3 * i + 2] : "";
      e.executorName = "";
      e.executorClass = "";
      e.fromLockClass = "java.lang.Object";
      e.toLockClass = "java.lang.Object";
      e.stack = "com.example.Bank.transfer:42\ncom.example.Bank.run:10";
      e.relatedStack = "";
      e.commit();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
