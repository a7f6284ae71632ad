package io.lockwatch.runtime;

/**
 * The static hooks that instrumented code (the agent's advice) and the explicit API call. This
 * class is internal: its signatures may change between releases. It uses JDK types only, because
 * the agent loads it on the bootstrap class path.
 *
 * <p>Protocol for one acquisition of a lock that may block:
 *
 * <pre>{@code
 * ThreadLockState s = LockRuntime.beforeAcquire(lock, mode); // order check BEFORE blocking
 * try { lock.lock(); } catch (Throwable t) { LockRuntime.acquireFailed(s, lock, mode, OUTCOME_FAILED); throw t; }
 * LockRuntime.afterAcquire(s, lock, mode);
 * ...
 * LockRuntime.release(lock, mode);
 * }</pre>
 *
 * <p>{@code s} may be {@code null} (runtime disabled, or a hook re-entered on the same thread);
 * every hook accepts a {@code null} state and then does nothing. No hook throws.
 */
public final class LockRuntime {
  /** Mode: a Java monitor ({@code synchronized}). */
  public static final int MONITOR = 0;
  /** Mode: an exclusive lock ({@code ReentrantLock}, a write lock of a StampedLock...). */
  public static final int EXCLUSIVE = 1;
  /** Mode: a shared (read) lock. */
  public static final int READ = 2;
  /** Mode: the write half of a read/write lock. */
  public static final int WRITE = 3;
  /** Flag or'ed into a mode: the lock is not reentrant (StampedLock, Semaphore used as a mutex). */
  public static final int NON_REENTRANT = 4;

  /** Outcome of an acquisition or wait: it succeeded. */
  public static final int OUTCOME_ACQUIRED = 0;
  /** Outcome: a timed attempt timed out. */
  public static final int OUTCOME_TIMED_OUT = 1;
  /** Outcome: the thread was interrupted. */
  public static final int OUTCOME_INTERRUPTED = 2;
  /** Outcome: the call threw something else. */
  public static final int OUTCOME_FAILED = 3;

  /** Blocking wait kind: {@code Future.get} on a plain future. */
  public static final int WAIT_FUTURE = 0;
  /** Blocking wait kind: {@code CompletableFuture.get/join}. */
  public static final int WAIT_COMPLETABLE_FUTURE = 1;
  /** Blocking wait kind: {@code ForkJoinTask.join/get/invoke}. */
  public static final int WAIT_FORK_JOIN = 2;
  /** Blocking wait kind: {@code CountDownLatch.await}. */
  public static final int WAIT_LATCH = 3;
  /** Blocking wait kind: {@code CyclicBarrier.await}. */
  public static final int WAIT_BARRIER = 4;
  /** Blocking wait kind: {@code Thread.join}. */
  public static final int WAIT_JOIN = 5;
  /** Blocking wait kind: {@code Thread.sleep}. */
  public static final int WAIT_SLEEP = 6;
  /** Blocking wait kind: blocking I/O. */
  public static final int WAIT_IO = 7;

  private LockRuntime() {}

  /**
   * Called before an acquisition that may block. Records order edges from every held lock (once
   * per new edge), reports a non-reentrant re-entry, and marks the thread as waiting for
   * {@code lock}.
   *
   * @return the calling thread's state, to pass to {@link #afterAcquire}; may be {@code null}
   */
  public static ThreadLockState beforeAcquire(Object lock, int mode) {
    return null;
  }

  /** Called after a successful blocking acquisition; {@code s} is what beforeAcquire returned. */
  public static void afterAcquire(ThreadLockState s, Object lock, int mode) {}

  /** Called when a blocking or timed acquisition ended without the lock. */
  public static void acquireFailed(ThreadLockState s, Object lock, int mode, int outcome) {}

  /** Called after a non-blocking acquisition (plain tryLock) succeeded: no order edge, a hold. */
  public static void tryAcquired(Object lock, int mode) {}

  /** Called after a lock was released by the calling thread (one level of reentrancy). */
  public static void release(Object lock, int mode) {}

  /**
   * Called when {@code Object.wait} or {@code Condition.await} is about to release {@code lock}
   * entirely.
   *
   * @return the reentrancy depth to pass to {@link #reacquiredAfterWait}
   */
  public static int releaseForWait(Object lock) {
    return 0;
  }

  /** Called when the wait returned and the lock is held again at {@code depth}. */
  public static void reacquiredAfterWait(Object lock, int mode, int depth) {}

  /** Called when {@code task} was handed to {@code executor}. */
  public static void taskSubmitted(Object executor, Object task) {}

  /** Called on the worker just before {@code task} runs. */
  public static void taskStarted(Object executor, Object task) {}

  /** Called on the worker after {@code task} ran, normally or not. */
  public static void taskFinished(Object executor, Object task) {}

  /**
   * Records that waiting on {@code future} means waiting for {@code task} (for example a
   * CompletableFuture and the AsyncSupply that completes it), so a wait resolves to the executor.
   */
  public static void linkFuture(Object future, Object task) {}

  /**
   * Called before a blocking wait of {@code kind} on {@code target} (a future, latch, thread...).
   *
   * @return the calling thread's state, to pass to {@link #blockingWaitEnd}; may be {@code null}
   */
  public static ThreadLockState blockingWaitBegin(int kind, Object target) {
    return null;
  }

  /** Called when the blocking wait begun with {@link #blockingWaitBegin} ended. */
  public static void blockingWaitEnd(ThreadLockState s, int outcome) {}

  /** Gives {@code lock} a readable name for reports. */
  public static void nameLock(Object lock, String name) {}

  /** Gives {@code executor} a readable name for reports. */
  public static void nameExecutor(Object executor, String name) {}
}
