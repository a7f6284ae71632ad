package io.lockwatch.agent.bootstrap;

import io.lockwatch.runtime.LockRuntime;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Task start and end on executor workers, without wrapping tasks: the agent rewrites the
 * {@code task.run()} call inside {@code ThreadPoolExecutor.runWorker} into
 * {@link #runTask(Runnable, Object)}, and advises {@code ForkJoinTask.doExec}. This class is
 * internal.
 */
public final class TaskHooks {
  private TaskHooks() {}

  /**
   * Replaces {@code task.run()} in {@code ThreadPoolExecutor.runWorker}.
   *
   * @param task the task taken from the queue, not {@code null}
   * @param executor the ThreadPoolExecutor
   */
  public static void runTask(Runnable task, Object executor) {
    started(executor, task);
    try {
      task.run();
    } finally {
      finished(executor, task);
    }
  }

  /**
   * Called when a ForkJoinTask starts executing on a pool worker.
   *
   * @param task the task
   * @return the pool whose worker runs it, or {@code null} when it does not run on a worker
   */
  public static Object forkJoinStarted(ForkJoinTask<?> task) {
    try {
      ForkJoinPool pool = ForkJoinTask.getPool();
      if (pool != null) {
        LockRuntime.taskStarted(pool, task);
      }
      return pool;
    } catch (Throwable t) {
      SuppressedErrors.record(t);
      return null;
    }
  }

  /**
   * Called on the worker after a task ran.
   *
   * @param executor the executor, or {@code null} (then nothing happens)
   * @param task the task
   */
  public static void finished(Object executor, Object task) {
    try {
      if (executor != null) {
        LockRuntime.taskFinished(executor, task);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  private static void started(Object executor, Object task) {
    try {
      LockRuntime.taskStarted(executor, task);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }
}
