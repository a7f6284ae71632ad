package io.lockwatch.dashboards.workload;

import io.lockwatch.events.ExecutorSubmitEvent;
import io.lockwatch.events.FindingEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.RuntimeHealthEvent;
import io.lockwatch.events.TaskExecutionEvent;
import io.lockwatch.otel.LockwatchExporter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Event;
import jdk.jfr.Recording;

/**
 * A stand-in for a scenario under the agent: serves the exporter's Prometheus endpoint and
 * commits the Lockwatch events the agent and analyzer would write (holds, waits, tasks,
 * submissions under a lock, in-flight stalls, health, and findings of every alerting type).
 *
 * <p>Usage: {@code SyntheticWorkload <port>}. Prints {@value #READY} once the endpoint is up and
 * runs until killed (or for at most {@link #MAX_RUN}).
 */
public final class SyntheticWorkload {
  /** Printed on stdout once the Prometheus endpoint is serving. */
  public static final String READY = "lockwatch-workload-ready";
  /** Lock names the workload reports; the drill-down test picks one of them. */
  public static final List<String> LOCKS = List.of("orders", "audit", "inventory");
  /** Executor names the workload reports. */
  public static final List<String> EXECUTORS = List.of("order-pool", "audit-pool");
  /** Finding types committed as new findings, in turn. */
  public static final List<String> FINDING_TYPES = List.of("DEADLOCK", "POOL_STARVATION",
      "SELF_DEADLOCK", "LOCK_ORDER_CYCLE", "STALL", "LONG_HOLD", "WAIT_UNDER_LOCK");
  private static final Duration MAX_RUN = Duration.ofMinutes(5);

  private SyntheticWorkload() {}

  public static void main(String[] args) throws Exception {
    String port = args.length > 0 ? args[0] : "9464";
    try (Recording recording = new Recording()) {
      for (Class<? extends Event> type : List.of(FindingEvent.class, LockHoldEvent.class,
          LockWaitEvent.class, TaskExecutionEvent.class, ExecutorSubmitEvent.class,
          InFlightEvent.class, RuntimeHealthEvent.class)) {
        recording.enable(type).withThreshold(Duration.ZERO);
      }
      recording.setToDisk(false);
      recording.start();
      try (AutoCloseable exporter = LockwatchExporter.start(Map.of("prometheus", port))) {
        System.out.println(READY);
        System.out.flush();
        run();
      }
    }
  }

  private static void run() throws InterruptedException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long end = System.nanoTime() + MAX_RUN.toNanos();
    long round = 0;
    long lastSecond = 0;
    while (System.nanoTime() - end < 0) {
      round++;
      String lock = LOCKS.get((int) (round % LOCKS.size()));
      lockHold(lock, random.nextInt(1, 15));
      lockWait(lock, random.nextInt(1, 10));
      String executor = EXECUTORS.get((int) (round % EXECUTORS.size()));
      task(executor, Duration.ofMillis(random.nextInt(1, 200)));
      submitUnderLock(executor);
      long second = System.nanoTime() / 1_000_000_000L;
      if (second != lastSecond) {
        lastSecond = second;
        inFlightWait(second, Thread.currentThread(), Duration.ofSeconds(5));
        health(second);
        String type = FINDING_TYPES.get((int) (second % FINDING_TYPES.size()));
        finding(type + "-" + second, type, lock);
      }
    }
  }

  private static void lockHold(String name, long millis) throws InterruptedException {
    LockHoldEvent event = new LockHoldEvent();
    event.begin();
    Thread.sleep(millis);
    event.lockId = name.hashCode();
    event.lockClass = ReentrantLock.class;
    event.lockName = name;
    event.mode = "exclusive";
    event.commit();
  }

  private static void lockWait(String name, long millis) throws InterruptedException {
    LockWaitEvent event = new LockWaitEvent();
    event.begin();
    Thread.sleep(millis);
    event.lockId = name.hashCode();
    event.lockClass = ReentrantLock.class;
    event.lockName = name;
    event.mode = "exclusive";
    event.outcome = "acquired";
    event.commit();
  }

  private static void task(String executor, Duration queueDelay) {
    TaskExecutionEvent event = new TaskExecutionEvent();
    event.begin();
    event.executorId = executor.hashCode();
    event.executorClass = ThreadPoolExecutor.class;
    event.executorName = executor;
    event.queueDelay = queueDelay.toNanos();
    event.runTime = 1_000_000;
    event.commit();
  }

  private static void submitUnderLock(String executor) {
    ExecutorSubmitEvent event = new ExecutorSubmitEvent();
    event.executorId = executor.hashCode();
    event.executorClass = ThreadPoolExecutor.class;
    event.executorName = executor;
    event.heldLocks = "orders";
    event.commit();
  }

  private static void health(long second) {
    RuntimeHealthEvent event = new RuntimeHealthEvent();
    event.locksDropped = second % 1000;
    event.tasksDropped = second % 100;
    event.suppressedErrors = 1;
    event.commit();
  }

  private static void inFlightWait(long snapshotId, Thread thread, Duration age) {
    InFlightEvent event = new InFlightEvent();
    event.snapshotId = snapshotId;
    event.state = "lock-wait";
    event.thread = thread;
    event.age = age.toNanos();
    event.lockName = "orders";
    event.commit();
  }

  private static void finding(String id, String type, String lock) {
    FindingEvent event = new FindingEvent();
    event.findingId = id;
    event.type = type;
    event.severity = type.startsWith("LONG") ? "WARNING" : "CRITICAL";
    event.summary = type.toLowerCase(Locale.ROOT) + " on " + lock;
    event.firstSeen = System.currentTimeMillis();
    event.status = "new";
    event.part = 0;
    event.parts = 1;
    event.threadName = "worker-1";
    event.threadId = 11;
    event.fromLock = lock;
    event.fromLockClass = ReentrantLock.class.getName();
    event.stack = "app.Orders.transfer(Orders.java:42)\napp.Orders.run(Orders.java:10)";
    event.commit();
  }
}
