package io.lockwatch.agent.bootstrap;

import io.lockwatch.runtime.LockRuntime;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Task start and end on executor workers, without wrapping tasks: the agent rewrites the
 * {@code task.run()} call inside {@code ThreadPoolExecutor.runWorker} into
 * {@link #runTask(Runnable, Object)}, and advises {@code ForkJoinTask.doExec}. This class is
 * internal.
 */
public final class TaskHooks {
  /**
   * The JDK's default virtual-thread scheduler (JDK 21+), or {@code null}. Its "tasks" are virtual
   * thread continuations: submitting one happens inside the scheduler, where a virtual thread
   * cannot unmount, so the hooks must not touch the runtime for it (that would pin), and they are
   * not application tasks anyway.
   */
  private static volatile Object virtualThreadScheduler;

  /**
   * A CompletableFuture async task created on this thread and not yet linked to its future: the
   * task is constructed before it is submitted, and the runtime links only submitted tasks.
   */
  private static final ThreadLocal<Object[]> PENDING_LINK = new ThreadLocal<Object[]>() {
    @Override
    protected Object[] initialValue() {
      return new Object[2];
    }
  };

  private TaskHooks() {}

  /**
   * Called when a {@code CompletableFuture$AsyncSupply/AsyncRun} is constructed.
   *
   * @param future the future the task completes
   * @param task the task
   */
  public static void asyncTaskCreated(Object future, Object task) {
    try {
      Object[] pending = PENDING_LINK.get();
      pending[0] = future;
      pending[1] = task;
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /**
   * Called when {@code CompletableFuture.asyncSupplyStage/asyncRunStage} returns, after the task
   * was handed to its executor: links the future to the task.
   */
  public static void asyncTaskSubmitted() {
    try {
      Object[] pending = PENDING_LINK.get();
      Object future = pending[0];
      Object task = pending[1];
      pending[0] = null;
      pending[1] = null;
      if (future != null && task != null) {
        LockRuntime.linkFuture(future, task);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /**
   * Sets the default virtual-thread scheduler; called once by the agent before it installs advice.
   *
   * @param scheduler the scheduler
   */
  public static void setVirtualThreadScheduler(Object scheduler) {
    virtualThreadScheduler = scheduler;
  }

  /**
   * Called when a ForkJoinPool queues a task from outside or inside the pool.
   *
   * @param pool the pool
   * @param task the queued task
   */
  public static void forkJoinSubmitted(Object pool, Object task) {
    try {
      if (pool != virtualThreadScheduler) {
        LockRuntime.taskSubmitted(pool, task);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

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
   * Called when {@code ForkJoinTask.fork()} runs: from outside any pool it submits the task to the
   * common pool (a parallel stream's caller does this); a worker's own forks stay internal.
   *
   * @param task the forked task
   */
  public static void forked(ForkJoinTask<?> task) {
    try {
      if (!(Thread.currentThread() instanceof ForkJoinWorkerThread)) {
        LockRuntime.taskSubmitted(ForkJoinPool.commonPool(), task);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
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
      if (pool == virtualThreadScheduler) {
        return null;
      }
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
