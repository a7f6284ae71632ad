package io.lockwatch.agent.bootstrap;

import io.lockwatch.runtime.LockRuntime;
import io.lockwatch.runtime.ThreadLockState;
import java.util.concurrent.TimeoutException;

/**
 * Blocking-wait hooks shared by the wait advice: a thread-local depth makes sure that a wait that
 * is implemented by another instrumented wait (e.g. {@code CompletableFuture.get} inside
 * {@code FutureTask.get}) is reported once, as the outermost. This class is internal.
 */
public final class WaitHooks {
  // No lambda: an invokedynamic bootstrap on this path could re-enter instrumented j.u.c. code.
  private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<int[]>() {
    @Override
    protected int[] initialValue() {
      return new int[1];
    }
  };

  private WaitHooks() {}

  /**
   * Begins a blocking wait.
   *
   * @param kind one of the {@code LockRuntime.WAIT_*} kinds
   * @param target what is waited on
   * @return the state to pass to {@link #end}, may be {@code null}
   */
  public static ThreadLockState begin(int kind, Object target) {
    try {
      int[] depth = DEPTH.get();
      if (depth[0]++ != 0) {
        return null;
      }
      return LockRuntime.blockingWaitBegin(kind, target);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
      return null;
    }
  }

  /**
   * Ends a blocking wait begun with {@link #begin}.
   *
   * @param s what {@link #begin} returned
   * @param thrown what the wait threw, or {@code null}
   */
  public static void end(ThreadLockState s, Throwable thrown) {
    end(s, outcomeOf(thrown));
  }

  /**
   * Ends a blocking wait begun with {@link #begin}.
   *
   * @param s what {@link #begin} returned
   * @param outcome one of the {@code LockRuntime.OUTCOME_*} values
   */
  public static void end(ThreadLockState s, int outcome) {
    try {
      DEPTH.get()[0]--;
      if (s != null) {
        LockRuntime.blockingWaitEnd(s, outcome);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /**
   * Maps what a blocking call threw to an outcome.
   *
   * @param thrown the throwable, or {@code null} when the call returned
   * @return one of the {@code LockRuntime.OUTCOME_*} values
   */
  public static int outcomeOf(Throwable thrown) {
    if (thrown == null) {
      return LockRuntime.OUTCOME_ACQUIRED;
    }
    if (thrown instanceof InterruptedException) {
      return LockRuntime.OUTCOME_INTERRUPTED;
    }
    if (thrown instanceof TimeoutException) {
      return LockRuntime.OUTCOME_TIMED_OUT;
    }
    return LockRuntime.OUTCOME_FAILED;
  }
}
