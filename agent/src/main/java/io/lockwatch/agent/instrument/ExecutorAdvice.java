package io.lockwatch.agent.instrument;

import io.lockwatch.agent.bootstrap.TaskHooks;
import io.lockwatch.runtime.LockRuntime;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/**
 * Advice for task submission and execution. Tasks are never wrapped: the runtime keys its side
 * tables by the task object that the executor queues.
 */
final class ExecutorAdvice {
  private ExecutorAdvice() {}

  /**
   * {@code ThreadPoolExecutor.execute(Runnable)} (submit goes through it),
   * {@code ScheduledThreadPoolExecutor.delayedExecute(RunnableScheduledFuture)},
   * {@code ForkJoinPool.externalSubmit(ForkJoinTask)} on JDK 17, executors that run each task on
   * a new thread: the first argument is the queued task. Recorded before the task can start.
   */
  static final class SubmitFirstArgument {
    private SubmitFirstArgument() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object executor, @Advice.Argument(0) Object task) {
      LockRuntime.taskSubmitted(executor, task);
    }
  }

  /**
   * {@code ForkJoinPool.poolSubmit(boolean, ForkJoinTask)} on JDK 19+, which also queues virtual
   * thread continuations: those are filtered out in the hook.
   */
  static final class PoolSubmit {
    private PoolSubmit() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object executor, @Advice.Argument(1) Object task) {
      TaskHooks.forkJoinSubmitted(executor, task);
    }
  }

  /** {@code ForkJoinTask.fork()}: a submission to the common pool when called from outside it. */
  static final class Fork {
    private Fork() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This ForkJoinTask<?> task) {
      TaskHooks.forked(task);
    }
  }

  /** {@code ForkJoinTask.doExec()}: start and end of a task on a pool worker. */
  static final class ForkJoinExec {
    private ForkJoinExec() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This ForkJoinTask<?> task) {
      return TaskHooks.forkJoinStarted(task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object task, @Advice.Enter Object pool) {
      TaskHooks.finished(pool, task);
    }
  }

  /** {@code CompletableFuture.AsyncSupply/AsyncRun(dep, fn)}: waiting on dep means waiting on it. */
  static final class AsyncTaskCreated {
    private AsyncTaskCreated() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object task, @Advice.Argument(0) Object future) {
      TaskHooks.asyncTaskCreated(future, task);
    }
  }

  /** {@code CompletableFuture.asyncSupplyStage/asyncRunStage}: the task is submitted now. */
  static final class AsyncTaskSubmitted {
    private AsyncTaskSubmitted() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit() {
      TaskHooks.asyncTaskSubmitted();
    }
  }

  /** JDK 21+ {@code ThreadPerTaskExecutor$TaskRunner.run()}: the task of {@code execute}. */
  static final class TaskRunnerRun {
    private TaskRunnerRun() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.FieldValue("executor") Object executor,
        @Advice.FieldValue("task") Object task) {
      LockRuntime.taskStarted(executor, task);
      return executor;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.FieldValue("task") Object task, @Advice.Enter Object executor) {
      TaskHooks.finished(executor, task);
    }
  }

  /** JDK 21+ {@code ThreadPerTaskExecutor$ThreadBoundFuture}: the task of {@code submit}. */
  static final class ThreadBoundSubmit {
    private ThreadBoundSubmit() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object task, @Advice.FieldValue("executor") Object executor) {
      LockRuntime.taskSubmitted(executor, task);
    }
  }

  /** JDK 21+ {@code ThreadPerTaskExecutor$ThreadBoundFuture.run()}. */
  static final class ThreadBoundRun {
    private ThreadBoundRun() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object task, @Advice.FieldValue("executor") Object executor) {
      LockRuntime.taskStarted(executor, task);
      return executor;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object task, @Advice.Enter Object executor) {
      TaskHooks.finished(executor, task);
    }
  }
}
