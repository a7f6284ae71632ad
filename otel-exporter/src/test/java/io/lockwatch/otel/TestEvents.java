package io.lockwatch.otel;

import io.lockwatch.events.ExecutorSubmitEvent;
import io.lockwatch.events.FindingEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.RuntimeHealthEvent;
import io.lockwatch.events.TaskExecutionEvent;
import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import jdk.jfr.Recording;

/**
 * Produces real Lockwatch JFR events, as the agent and the analyzer would, inside a
 * {@link Recording} that enables them with no threshold.
 */
public final class TestEvents implements AutoCloseable {
  public static final String CYCLE_ID = "cycle-1";
  public static final String STALL_ID = "stall-1";
  static final String STACK_A = "app.Orders.transfer(Orders.java:42)\napp.Orders.run(Orders.java:10)";
  static final String STACK_B = "app.Audit.flush(Audit.java:7)\napp.Audit.run(Audit.java:3)";

  private final Recording recording = new Recording();

  public TestEvents() {
    for (Class<? extends jdk.jfr.Event> type : java.util.List.of(FindingEvent.class,
        LockHoldEvent.class, LockWaitEvent.class, TaskExecutionEvent.class,
        ExecutorSubmitEvent.class, InFlightEvent.class, RuntimeHealthEvent.class)) {
      recording.enable(type).withThreshold(Duration.ZERO);
    }
    recording.setToDisk(false);
    recording.start();
  }

  /** Commits one of each metric event and the findings of the standard scenario. */
  public void standardScenario() {
    for (int i = 0; i < 3; i++) {
      lockHold("orders");
      lockWait("orders");
    }
    lockHold("audit");
    task("order-pool", Duration.ofMillis(25));
    submitUnderLock("order-pool");
    health(3, 1);
    inFlightWait(7, Thread.currentThread(), Duration.ofSeconds(5));
    // a two-part cycle, new
    finding(CYCLE_ID, "LOCK_ORDER_CYCLE", "CRITICAL", "new", 0, 2, "worker-1", 11,
        "orders", "java.util.concurrent.locks.ReentrantLock", "audit", "java.lang.Object", STACK_A, null);
    finding(CYCLE_ID, "LOCK_ORDER_CYCLE", "CRITICAL", "new", 1, 2, "worker-2", 12,
        "audit", "java.lang.Object", "orders", "java.util.concurrent.locks.ReentrantLock", STACK_B, null);
    // a stall: new, updated three times, resolved
    for (String status : new String[] {"new", "updated", "updated", "updated", "resolved"}) {
      finding(STALL_ID, "STALL", "WARNING", status, 0, 1, "worker-3", 13,
          "orders", "java.util.concurrent.locks.ReentrantLock", null, null, STACK_B, STACK_A);
    }
  }

  static void lockHold(String name) {
    LockHoldEvent event = new LockHoldEvent();
    event.begin();
    event.lockId = name.hashCode();
    event.lockClass = ReentrantLock.class;
    event.lockName = name;
    event.mode = "exclusive";
    event.commit();
  }

  static void lockWait(String name) {
    LockWaitEvent event = new LockWaitEvent();
    event.begin();
    event.lockId = name.hashCode();
    event.lockClass = ReentrantLock.class;
    event.lockName = name;
    event.mode = "exclusive";
    event.outcome = "acquired";
    event.commit();
  }

  static void task(String executor, Duration queueDelay) {
    TaskExecutionEvent event = new TaskExecutionEvent();
    event.begin();
    event.executorId = executor.hashCode();
    event.executorClass = ThreadPoolExecutor.class;
    event.executorName = executor;
    event.queueDelay = queueDelay.toNanos();
    event.runTime = 1_000_000;
    event.commit();
  }

  static void submitUnderLock(String executor) {
    ExecutorSubmitEvent event = new ExecutorSubmitEvent();
    event.executorId = executor.hashCode();
    event.executorClass = ThreadPoolExecutor.class;
    event.executorName = executor;
    event.heldLocks = "orders";
    event.commit();
  }

  static void health(long locksDropped, long tasksDropped) {
    RuntimeHealthEvent event = new RuntimeHealthEvent();
    event.locksDropped = locksDropped;
    event.tasksDropped = tasksDropped;
    event.commit();
  }

  public static void inFlightWait(long snapshotId, Thread thread, Duration age) {
    InFlightEvent event = new InFlightEvent();
    event.snapshotId = snapshotId;
    event.state = "lock-wait";
    event.thread = thread;
    event.age = age.toNanos();
    event.lockName = "orders";
    event.commit();
  }

  static void finding(String id, String type, String severity, String status, int part, int parts,
      String threadName, long threadId, String fromLock, String fromLockClass, String toLock,
      String toLockClass, String stack, String relatedStack) {
    FindingEvent event = new FindingEvent();
    event.findingId = id;
    event.type = type;
    event.severity = severity;
    event.summary = type + " " + id + " on " + fromLock;
    event.firstSeen = System.currentTimeMillis();
    event.status = status;
    event.part = part;
    event.parts = parts;
    event.threadName = threadName;
    event.threadId = threadId;
    event.fromLock = fromLock;
    event.fromLockClass = fromLockClass;
    event.toLock = toLock;
    event.toLockClass = toLockClass;
    event.executorName = "order-pool";
    event.executorClass = ThreadPoolExecutor.class.getName();
    event.stack = stack;
    event.relatedStack = relatedStack;
    event.commit();
  }

  /** Polls every 50 ms until the condition holds or the timeout passes. */
  static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  @Override
  public void close() {
    recording.close();
  }
}
