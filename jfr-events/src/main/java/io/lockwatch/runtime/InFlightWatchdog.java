package io.lockwatch.runtime;

import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.RuntimeHealthEvent;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The watchdog. This class is internal.
 *
 * <p>Two jobs:
 * <ul>
 *   <li>Housekeeping, on its own daemon thread "lockwatch-watchdog" about every second:
 *       re-reads the recording settings, refines the event clock, purges collected table entries
 *       and clears order memos that could keep locks alive.
 *   <li>The in-flight snapshot, as a JFR periodic hook of {@link InFlightEvent} (so its period
 *       setting applies): walks the runtime's own registry of thread states (not {@code
 *       ThreadMXBean}, which takes a safepoint and cannot see virtual threads) and commits one
 *       event per hold, lock wait or blocking wait older than {@link #IN_FLIGHT_THRESHOLD_NANOS},
 *       with owners and waiters resolved across states. Waits carry the thread's stack and, for a
 *       lock wait, the owner's (blocking waits only when they can be a finding: under locks, on a
 *       task, or by a pool worker); holds that others wait for carry a stack from {@link
 *       #STACK_AGE_NANOS}. A stack of another thread is a VM operation (a safepoint on JDK 17).
 * </ul>
 * The states are read racily (see {@link ThreadLockState}); a report may be one period stale.
 *
 * <p>The periodic hooks may run on any thread (JFR runs end-of-chunk hooks in the thread that
 * stops a recording), so they set the recursion guard only for their own duration.
 */
public final class InFlightWatchdog {
  /** Minimum age of a reported hold or wait ({@code -Dlockwatch.inflight.thresholdMillis}). */
  public static final long IN_FLIGHT_THRESHOLD_NANOS =
      Long.getLong("lockwatch.inflight.thresholdMillis", 500L) * 1_000_000L;
  /**
   * Minimum age at which a hold's stack is added. Waits carry stacks from their first snapshot:
   * the analyzer reports a deadlock or a wait under lock from that snapshot, and a finding without
   * stacks would stay without them.
   */
  public static final long STACK_AGE_NANOS = 1_000_000_000L;
  /** Maximum frames per stack text. */
  public static final int MAX_FRAMES = 32;

  private static final AtomicLong SNAPSHOT_IDS = new AtomicLong();
  private static final Object START_LOCK = new Object();
  private static volatile Thread thread;

  private InFlightWatchdog() {}

  static void start() {
    if (thread != null) {
      return;
    }
    synchronized (START_LOCK) {
      if (thread == null) {
        Thread t = new Thread(InFlightWatchdog::loop, "lockwatch-watchdog");
        t.setDaemon(true);
        thread = t;
        t.start();
      }
    }
  }

  private static void loop() {
    ThreadLockState.markInternal();
    while (true) {
      LockSupport.parkNanos(1_000_000_000L);
      try {
        housekeeping();
      } catch (Throwable t) {
        SuppressedErrors.record(t);
      }
    }
  }

  /** One housekeeping pass; visible for tests. */
  static void housekeeping() {
    RuntimeSettings.refresh();
    EventClock.refine();
    LockRegistry.LOCKS.purge();
    LockRegistry.EXECUTORS.purge();
    TaskTable.TASKS.purge();
    TaskTable.FUTURES.purge();
    OrderEdgeCache.INSTANCE.renewIfFull(System.nanoTime());
    ThreadLockState.pruneBySlot();
    // Every thread clears its own stale references at its next acquisition: no cross-thread
    // write to the states.
    RuntimeSettings.nextPass();
  }

  /** The periodic hook of {@link InFlightEvent}: one snapshot. */
  static void emitInFlight() {
    ThreadLockState me = ThreadLockState.current();
    int wasBusy = me.enterBusy();
    try {
      if (!RuntimeSettings.active) {
        return;
      }
      snapshot(System.nanoTime());
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      me.exitBusy(wasBusy);
    }
  }

  /** The periodic hook of {@link RuntimeHealthEvent}. */
  static void emitHealth() {
    ThreadLockState me = ThreadLockState.current();
    int wasBusy = me.enterBusy();
    try {
      RuntimeHealthEvent e = new RuntimeHealthEvent();
      if (!e.isEnabled()) {
        return;
      }
      e.trackedThreads = ThreadStateRegistry.size();
      e.registeredLocks = LockRegistry.LOCKS.size();
      e.knownEdges = OrderEdgeCache.INSTANCE.size();
      e.trackedTasks = TaskTable.TASKS.size();
      e.locksDropped = LockRegistry.LOCKS.dropped() + LockRegistry.EXECUTORS.dropped();
      e.edgesDropped = OrderEdgeCache.INSTANCE.dropped();
      e.edgeCacheRenewals = OrderEdgeCache.INSTANCE.renewals();
      e.threadsDropped = ThreadStateRegistry.dropped();
      e.tasksDropped = TaskTable.TASKS.dropped() + TaskTable.FUTURES.dropped();
      e.unmatchedReleases = RuntimeCounters.UNMATCHED_RELEASES.sum();
      e.suppressedErrors = SuppressedErrors.count();
      e.clockStalls = CoarseClock.stalls();
      e.clockMaxLag = CoarseClock.takeMaxLagNanos();
      e.commit();
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      me.exitBusy(wasBusy);
    }
  }

  private static void snapshot(long now) {
    int epoch = RuntimeSettings.epoch;
    List<ThreadLockState> states = ThreadStateRegistry.snapshot();
    Map<Object, ThreadLockState> holders = new IdentityHashMap<>();
    Map<Object, Integer> waiters = new IdentityHashMap<>();
    for (ThreadLockState s : states) {
      if (s.internal || s.epoch != epoch) {
        continue;
      }
      int d = s.visibleDepth();
      for (int i = 0; i < d; i++) {
        Object lock = s.entry(i).lock;
        if (lock != null) {
          holders.putIfAbsent(lock, s);
        }
      }
      Object pending = s.pendingLock();
      if (pending != null) {
        waiters.merge(pending, 1, Integer::sum);
      }
    }
    long snapshotId = SNAPSHOT_IDS.incrementAndGet();
    for (ThreadLockState s : states) {
      if (s.internal || s.epoch != epoch) {
        continue;
      }
      int d = s.visibleDepth();
      for (int i = 0; i < d; i++) {
        HoldEntry e = s.entry(i);
        Object lock = e.lock;
        long age = now - e.startNanos;
        if (lock != null && age >= IN_FLIGHT_THRESHOLD_NANOS) {
          InFlightEvent ev = base(s, snapshotId, "hold", age);
          fillLock(ev, lock, e.mode);
          ev.waiters = waiters.getOrDefault(lock, 0);
          if (ev.waiters > 0 && age >= STACK_AGE_NANOS) {
            ev.threadStack = stackText(s.thread); // a hold nobody waits for is no finding
          }
          ev.commit();
        }
      }
      HoldEntry pendingEntry = s.pendingEntry();
      Object pending = pendingEntry == null ? null : pendingEntry.lock;
      long waitAge = pendingEntry == null ? 0 : now - pendingEntry.startNanos;
      if (pending != null && waitAge >= IN_FLIGHT_THRESHOLD_NANOS) {
        InFlightEvent ev = base(s, snapshotId, "lock-wait", waitAge);
        ev.threadStack = stackText(s.thread);
        fillLock(ev, pending, pendingEntry.mode);
        ThreadLockState holder = holders.get(pending);
        if (holder != null) {
          ev.owner = holder.thread;
          s.pendingOwnerHint = holder.thread;
          ev.ownerStack = stackText(holder.thread);
        }
        ev.commit();
      }
      Object target = s.waitTarget;
      long blockedAge = now - s.waitSinceNanos;
      if (target != null && blockedAge >= IN_FLIGHT_THRESHOLD_NANOS) {
        InFlightEvent ev = base(s, snapshotId, "blocking-wait", blockedAge);
        ev.waitKind = EventWriter.waitKindName(s.waitKind);
        TaskTable.TaskInfo task = s.waitTask;
        if (d > 0 || task != null || ev.runningExecutorId != 0) {
          // A stack costs a VM operation (a safepoint on JDK 17): only for waits that can be a
          // finding (under locks, on a task, by a pool worker), not for, say, main joining workers.
          ev.threadStack = stackText(s.thread);
        }
        if (task != null) {
          ev.taskId = task.id;
          if (task.executor != null) {
            ev.executorId = task.executor.id;
            ev.executorName = task.executor.name();
          }
        }
        if (target instanceof Thread && target != s.thread) {
          ev.owner = (Thread) target;
        }
        ev.commit();
      }
    }
  }

  private static InFlightEvent base(ThreadLockState s, long snapshotId, String state, long age) {
    InFlightEvent ev = new InFlightEvent();
    ev.snapshotId = snapshotId;
    ev.state = state;
    ev.thread = s.thread;
    ev.virtual = isVirtual(s.thread);
    ev.age = age;
    ev.runningExecutorId = s.runningExecutorId();
    ev.heldLockIds = EventWriter.heldIds(s, -1);
    ev.heldLocks = EventWriter.heldNames(s, -1);
    ev.lockName = "";
    ev.mode = "";
    ev.waitKind = "";
    ev.executorName = "";
    ev.ownerStack = "";
    ev.threadStack = "";
    return ev;
  }

  private static void fillLock(InFlightEvent ev, Object lock, int mode) {
    LockRegistry.ObjectInfo info = LockRegistry.lock(lock);
    ev.lockId = info == null ? 0 : info.id;
    ev.lockClass = lock.getClass();
    ev.lockName = info == null ? LockRegistry.defaultName(lock) : info.name();
    ev.mode = EventWriter.modeName(mode);
  }

  /**
   * Renders a thread's stack, top frame first, one frame per line, at most {@link #MAX_FRAMES}.
   *
   * @param t the thread
   * @return the text, empty if unavailable
   */
  public static String stackText(Thread t) {
    StackTraceElement[] frames = t.getStackTrace();
    StringBuilder sb = new StringBuilder();
    int n = Math.min(frames.length, MAX_FRAMES);
    for (int i = 0; i < n; i++) {
      sb.append(frames[i]).append('\n');
    }
    if (frames.length > n) {
      sb.append("... ").append(frames.length - n).append(" more\n");
    }
    return sb.toString();
  }

  private static boolean isVirtual(Thread t) {
    return VirtualCheck.isVirtual(t);
  }

  /** {@code Thread.isVirtual()} exists from JDK 21; probed once by reflection (JDK 17 baseline). */
  private static final class VirtualCheck {
    private static final java.lang.reflect.Method IS_VIRTUAL = probe();

    static boolean isVirtual(Thread t) {
      if (IS_VIRTUAL == null) {
        return false;
      }
      try {
        return (Boolean) IS_VIRTUAL.invoke(t);
      } catch (Throwable e) {
        return false;
      }
    }

    private static java.lang.reflect.Method probe() {
      try {
        return Thread.class.getMethod("isVirtual");
      } catch (Throwable t) {
        return null;
      }
    }
  }
}
