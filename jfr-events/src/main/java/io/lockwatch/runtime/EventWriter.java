package io.lockwatch.runtime;

import io.lockwatch.events.BlockingWaitEvent;
import io.lockwatch.events.ExecutorSubmitEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.SelfDeadlockEvent;
import io.lockwatch.events.TaskExecutionEvent;

/**
 * Fills and commits Lockwatch events; only called from slow paths that already decided to commit.
 * Callers hold the thread's recursion guard; every method swallows its errors. This class is
 * internal.
 */
final class EventWriter {
  private EventWriter() {}

  static void hold(ThreadLockState s, Object lock, int mode, long elapsedNanos) {
    LockHoldEvent e = new LockHoldEvent();
    if (!e.isEnabled()) {
      return;
    }
    EventClock.beginAt(e, elapsedNanos);
    LockRegistry.ObjectInfo info = LockRegistry.lock(lock);
    e.lockId = info == null ? 0 : info.id;
    e.lockClass = lock.getClass();
    e.lockName = info == null ? LockRegistry.defaultName(lock) : info.name();
    e.mode = modeName(mode);
    e.waitersAtRelease = ThreadStateRegistry.waitersOf(lock, s.thread);
    e.commit();
  }

  static void lockWait(ThreadLockState s, Object lock, int mode, long elapsedNanos, int outcome,
      Thread owner) {
    LockWaitEvent e = new LockWaitEvent();
    if (!e.isEnabled()) {
      return;
    }
    EventClock.beginAt(e, elapsedNanos);
    LockRegistry.ObjectInfo info = LockRegistry.lock(lock);
    e.lockId = info == null ? 0 : info.id;
    e.lockClass = lock.getClass();
    e.lockName = info == null ? LockRegistry.defaultName(lock) : info.name();
    e.mode = modeName(mode);
    e.owner = owner;
    e.heldLockIds = heldIds(s, -1);
    e.heldLocks = heldNames(s, -1);
    e.outcome = outcomeName(outcome);
    e.commit();
  }

  static void order(ThreadLockState s, Object held, long heldId, int heldMode, Object lock,
      long lockId, int mode) {
    LockOrderEvent e = new LockOrderEvent();
    if (!e.isEnabled()) {
      return;
    }
    e.heldLockId = heldId;
    e.heldLockClass = held.getClass();
    e.heldLockName = LockRegistry.lockName(held);
    e.heldMode = modeName(heldMode);
    e.acquiredLockId = lockId;
    e.acquiredLockClass = lock.getClass();
    e.acquiredLockName = LockRegistry.lockName(lock);
    e.acquiredMode = modeName(mode);
    e.heldLockIds = heldIds(s, -1);
    e.commit();
  }

  static void selfDeadlock(Object lock, int heldMode, int mode, String kind) {
    SelfDeadlockEvent e = new SelfDeadlockEvent();
    if (!e.isEnabled()) {
      return;
    }
    LockRegistry.ObjectInfo info = LockRegistry.lock(lock);
    e.lockId = info == null ? 0 : info.id;
    e.lockClass = lock.getClass();
    e.lockName = info == null ? LockRegistry.defaultName(lock) : info.name();
    e.heldMode = modeName(heldMode);
    e.requestedMode = modeName(mode);
    e.kind = kind;
    e.commit();
  }

  static void submit(ThreadLockState s, Object executor, LockRegistry.ObjectInfo exec,
      TaskTable.TaskInfo task, Object taskObject) {
    ExecutorSubmitEvent e = new ExecutorSubmitEvent();
    if (!e.isEnabled()) {
      return;
    }
    e.executorId = exec == null ? 0 : exec.id;
    e.executorClass = executor.getClass();
    e.executorName = exec == null ? LockRegistry.defaultName(executor) : exec.name();
    e.taskId = task == null ? 0 : task.id;
    e.taskClass = taskObject.getClass();
    e.heldLockIds = heldIds(s, -1);
    e.heldLocks = heldNames(s, -1);
    e.commit();
  }

  static void task(TaskTable.TaskInfo task, long totalNanos, long queueDelayNanos,
      long runNanos, Thread worker) {
    TaskExecutionEvent e = new TaskExecutionEvent();
    if (!e.isEnabled()) {
      return;
    }
    EventClock.beginAt(e, totalNanos);
    LockRegistry.ObjectInfo exec = task.executor;
    e.executorId = exec == null ? 0 : exec.id;
    e.executorClass = exec == null ? null : exec.type;
    e.executorName = exec == null ? "" : exec.name();
    e.taskId = task.id;
    e.taskClass = task.taskClass;
    e.queueDelay = queueDelayNanos;
    e.runTime = runNanos;
    e.submittedUnderLock = task.submittedUnderLock;
    e.worker = worker;
    e.commit();
  }

  static void blocking(ThreadLockState s, int kind, Object target, TaskTable.TaskInfo task,
      long elapsedNanos, int outcome) {
    BlockingWaitEvent e = new BlockingWaitEvent();
    if (!e.isEnabled()) {
      return;
    }
    EventClock.beginAt(e, elapsedNanos);
    e.waitKind = waitKindName(kind);
    e.targetClass = target == null ? null : target.getClass();
    if (task != null) {
      e.taskId = task.id;
      e.executorId = task.executor == null ? 0 : task.executor.id;
      e.executorName = task.executor == null ? "" : task.executor.name();
    } else {
      e.executorName = "";
    }
    e.heldLockIds = heldIds(s, -1);
    e.heldLocks = heldNames(s, -1);
    e.outcome = outcome == LockRuntime.OUTCOME_ACQUIRED ? "completed" : outcomeName(outcome);
    e.commit();
  }

  /** Comma-separated ids of the held locks, outermost first, skipping index {@code skip}. */
  static String heldIds(ThreadLockState s, int skip) {
    StringBuilder sb = new StringBuilder();
    int d = s.visibleDepth();
    for (int i = 0; i < d; i++) {
      HoldEntry h = s.entry(i);
      Object lock = h.lock;
      if (i == skip || lock == null) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(LockRegistry.lockId(lock));
    }
    return sb.toString();
  }

  /** Comma-separated names of the held locks, outermost first, skipping index {@code skip}. */
  static String heldNames(ThreadLockState s, int skip) {
    StringBuilder sb = new StringBuilder();
    int d = s.visibleDepth();
    for (int i = 0; i < d; i++) {
      Object lock = s.entry(i).lock;
      if (i == skip || lock == null) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(LockRegistry.lockName(lock));
    }
    return sb.toString();
  }

  static String modeName(int mode) {
    switch (mode & 3) {
      case LockRuntime.MONITOR: return "monitor";
      case LockRuntime.EXCLUSIVE: return "exclusive";
      case LockRuntime.READ: return "read";
      default: return "write";
    }
  }

  static String outcomeName(int outcome) {
    switch (outcome) {
      case LockRuntime.OUTCOME_ACQUIRED: return "acquired";
      case LockRuntime.OUTCOME_TIMED_OUT: return "timed-out";
      case LockRuntime.OUTCOME_INTERRUPTED: return "interrupted";
      default: return "failed";
    }
  }

  static String waitKindName(int kind) {
    switch (kind) {
      case LockRuntime.WAIT_FUTURE: return "future";
      case LockRuntime.WAIT_COMPLETABLE_FUTURE: return "completable-future";
      case LockRuntime.WAIT_FORK_JOIN: return "fork-join";
      case LockRuntime.WAIT_LATCH: return "latch";
      case LockRuntime.WAIT_BARRIER: return "barrier";
      case LockRuntime.WAIT_JOIN: return "join";
      case LockRuntime.WAIT_SLEEP: return "sleep";
      case LockRuntime.WAIT_IO: return "io";
      default: return "other";
    }
  }
}
