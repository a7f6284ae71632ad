package io.lockwatch.runtime;

import java.lang.ref.ReferenceQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Side table of submitted tasks (task to executor, submit time, submitted under a lock) and of
 * futures linked to their tasks, with weak keys and bounded ({@code -Dlockwatch.maxTasks}, default
 * 65536; drops are counted). This class is internal.
 */
final class TaskTable {
  private static final AtomicLong TASK_IDS = new AtomicLong();
  static final WeakIdentityTable<TaskInfo> TASKS =
      new WeakIdentityTable<>(Integer.getInteger("lockwatch.maxTasks", 65536));
  static final WeakIdentityTable<FutureLink> FUTURES =
      new WeakIdentityTable<>(Integer.getInteger("lockwatch.maxTasks", 65536));

  private TaskTable() {}

  /** Registers a submission; returns the info, or {@code null} when the table is full. */
  static TaskInfo submitted(Object task, LockRegistry.ObjectInfo executor, long nowNanos,
      boolean underLock) {
    TaskInfo info = TASKS.getOrCreate(task, (key, hash, queue) -> new TaskInfo(key, hash, queue,
        TASK_IDS.incrementAndGet(), executor, nowNanos, underLock));
    return info;
  }

  static TaskInfo get(Object task) {
    return TASKS.get(task);
  }

  static void finished(Object task) {
    TASKS.remove(task);
  }

  static void link(Object future, TaskInfo info) {
    FUTURES.getOrCreate(future, (key, hash, queue) -> new FutureLink(key, hash, queue, info));
  }

  /**
   * Attributes a fork/join wait on a task that was never submitted (the caller runs it itself, as
   * {@code ForkJoinTask.invoke} does for a parallel stream) to the common pool, where its forks go
   * when the caller is not a pool worker; returns {@code null} on a worker (its joins help inside
   * its own pool), for a non-task target, or when the table is full.
   */
  static TaskInfo forkJoinRoot(Object target, long nowNanos, boolean underLock) {
    if (!(target instanceof ForkJoinTask)
        || Thread.currentThread() instanceof ForkJoinWorkerThread) {
      return null;
    }
    return submitted(target, LockRegistry.executor(ForkJoinPool.commonPool()), nowNanos,
        underLock);
  }

  /** Resolves a wait target (a task or a linked future) to its task, or {@code null}. */
  static TaskInfo resolve(Object target) {
    if (target == null) {
      return null;
    }
    FutureLink link = FUTURES.get(target);
    if (link != null) {
      return link.task;
    }
    return TASKS.get(target);
  }

  /** A submitted task. */
  static final class TaskInfo extends WeakIdentityTable.Entry {
    final long id;
    final LockRegistry.ObjectInfo executor;
    final long submitNanos;
    final boolean submittedUnderLock;
    final Class<?> taskClass;

    TaskInfo(Object key, int hash, ReferenceQueue<Object> queue, long id,
        LockRegistry.ObjectInfo executor, long submitNanos, boolean submittedUnderLock) {
      super(key, hash, queue);
      this.id = id;
      this.executor = executor;
      this.submitNanos = submitNanos;
      this.submittedUnderLock = submittedUnderLock;
      this.taskClass = key.getClass();
    }
  }

  /** A future whose completion is the task's. */
  static final class FutureLink extends WeakIdentityTable.Entry {
    final TaskInfo task;

    FutureLink(Object key, int hash, ReferenceQueue<Object> queue, TaskInfo task) {
      super(key, hash, queue);
      this.task = task;
    }
  }
}
