package io.lockwatch;

import io.lockwatch.runtime.LockRuntime;
import io.lockwatch.runtime.ThreadLockState;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@link ExecutorService} that reports submissions, task executions and waits on its futures.
 * Tasks are wrapped so the worker reports start and end; the executor identity is the delegate.
 */
final class ReportingExecutorService extends AbstractExecutorService {
  private final ExecutorService delegate;

  ReportingExecutorService(ExecutorService delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable command) {
    LockRuntime.taskSubmitted(delegate, command);
    delegate.execute(new ReportedRun(delegate, command));
  }

  @Override
  protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
    return new ReportingFutureTask<>(callable);
  }

  @Override
  protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
    return new ReportingFutureTask<>(runnable, value);
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return delegate.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return delegate.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return delegate.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return delegate.awaitTermination(timeout, unit);
  }

  @Override
  public String toString() {
    return "ReportingExecutorService{" + delegate + "}";
  }

  /** Runs a task between the runtime's start and finish hooks. */
  private static final class ReportedRun implements Runnable {
    private final Object executor;
    private final Runnable task;

    ReportedRun(Object executor, Runnable task) {
      this.executor = executor;
      this.task = task;
    }

    @Override
    public void run() {
      LockRuntime.taskStarted(executor, task);
      try {
        task.run();
      } finally {
        LockRuntime.taskFinished(executor, task);
      }
    }
  }

  /** A future whose {@code get} reports a blocking wait on itself (the submitted task). */
  private static final class ReportingFutureTask<T> extends FutureTask<T> {
    ReportingFutureTask(Callable<T> callable) {
      super(callable);
    }

    ReportingFutureTask(Runnable runnable, T value) {
      super(runnable, value);
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
      ThreadLockState s = LockRuntime.blockingWaitBegin(LockRuntime.WAIT_FUTURE, this);
      int outcome = LockRuntime.OUTCOME_FAILED;
      try {
        T value = super.get();
        outcome = LockRuntime.OUTCOME_ACQUIRED;
        return value;
      } catch (InterruptedException e) {
        outcome = LockRuntime.OUTCOME_INTERRUPTED;
        throw e;
      } catch (ExecutionException | CancellationException e) {
        outcome = LockRuntime.OUTCOME_ACQUIRED; // the wait completed; the task failed
        throw e;
      } finally {
        LockRuntime.blockingWaitEnd(s, outcome);
      }
    }

    @Override
    public T get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      ThreadLockState s = LockRuntime.blockingWaitBegin(LockRuntime.WAIT_FUTURE, this);
      int outcome = LockRuntime.OUTCOME_FAILED;
      try {
        T value = super.get(timeout, unit);
        outcome = LockRuntime.OUTCOME_ACQUIRED;
        return value;
      } catch (TimeoutException e) {
        outcome = LockRuntime.OUTCOME_TIMED_OUT;
        throw e;
      } catch (InterruptedException e) {
        outcome = LockRuntime.OUTCOME_INTERRUPTED;
        throw e;
      } catch (ExecutionException | CancellationException e) {
        outcome = LockRuntime.OUTCOME_ACQUIRED;
        throw e;
      } finally {
        LockRuntime.blockingWaitEnd(s, outcome);
      }
    }
  }
}
