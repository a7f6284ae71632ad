package io.lockwatch.runtime;

import jdk.internal.vm.annotation.DontInline;
import jdk.internal.vm.annotation.ForceInline;

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

  static {
    RuntimeSettings.init();
  }

  private LockRuntime() {}

  /**
   * Makes sure the runtime listens for recordings. Loading this class does it too; the explicit
   * API calls it so that a recording started later switches the hooks on.
   */
  public static void init() {
    RuntimeSettings.init();
  }

  /**
   * Called before an acquisition that may block. Records order edges from every held lock (once
   * per new edge), reports a non-reentrant re-entry, and marks the thread as waiting for
   * {@code lock}.
   *
   * @param lock the lock (for a read/write lock, the same object for both modes)
   * @param mode one of the mode constants, possibly or'ed with {@link #NON_REENTRANT}
   * @return the calling thread's state, to pass to {@link #afterAcquire}; may be {@code null}
   */
  @ForceInline
  public static ThreadLockState beforeAcquire(Object lock, int mode) {
    // Kept small on purpose: C2 refuses to inline a callee whose own compiled code is big
    // ("already compiled into a big method"), and this method is compiled on its own as soon as
    // many call sites share it. Everything but the two commonest cases is out of line.
    int token = RuntimeSettings.activeEpoch;
    if (token == 0) {
      return null;
    }
    ThreadLockState s = ThreadLockState.current();
    // The pending acquisition is published before the thread can block (the watchdog reports it
    // as a lock wait, and a LockWait event measures from its start), as the entry at the depth.
    // One compare of the state excludes the recursion guard, a pending acquisition and depth > 1.
    int st = s.state;
    if (s.pass == token) {
      if (st == 0) {
        s.prepare(lock, mode, CoarseClock.nowNanos); // s is its own first entry
        s.state = ThreadLockState.WAITING;
        return s;
      }
      if (st == ThreadLockState.DEPTH_1 && s.memoChild == lock
          && s.memoModes == HoldEntry.memoKey(s.mode, mode)) {
        // nested pair on the edge this hold already reported: two compares (HoldEntry's memo)
        s.second.prepare(lock, mode, CoarseClock.nowNanos);
        s.state = ThreadLockState.DEPTH_1 | ThreadLockState.WAITING;
        return s;
      }
    }
    return beforeAcquireSlow(s, st, token, lock, mode);
  }

  @DontInline
  private static ThreadLockState beforeAcquireSlow(ThreadLockState s, int st, int token,
      Object lock, int mode) {
    if ((st & ThreadLockState.BUSY) != 0) {
      return null;
    }
    s.sync(token);
    int d = s.depth(); // a pending acquisition left over (a hook that failed) is replaced
    boolean reentry = d != 0 && checkNested(s, lock, mode);
    s.preparePending(d, lock, mode, CoarseClock.nowNanos, reentry);
    return s;
  }

  /**
   * Called after a successful blocking acquisition.
   *
   * @param s what {@link #beforeAcquire} returned, may be {@code null}
   * @param lock the lock
   * @param mode the mode
   */
  @ForceInline
  public static void afterAcquire(ThreadLockState s, Object lock, int mode) {
    if (s == null) {
      return;
    }
    long now = CoarseClock.nowNanos;
    int st = s.state;
    HoldEntry e;
    int after;
    if (st == ThreadLockState.WAITING) {
      e = s;
      after = ThreadLockState.DEPTH_1;
    } else if (st == (ThreadLockState.DEPTH_1 | ThreadLockState.WAITING)) {
      e = s.second;
      after = ThreadLockState.DEPTH_2;
    } else {
      afterAcquireSlow(s, st, lock, mode, now);
      return;
    }
    long start = e.startNanos;
    if (now != start) { // else the coarse clock did not tick: no wait to report, nothing to store
      if (now - start >= RuntimeSettings.waitGateNanos) {
        waitEnded(s, e, lock, mode, OUTCOME_ACQUIRED);
      }
      e.startNanos = now;
    }
    s.state = after;
  }

  @DontInline
  private static void afterAcquireSlow(ThreadLockState s, int st, Object lock, int mode,
      long now) {
    if ((st & ThreadLockState.BUSY) != 0) {
      return;
    }
    if ((st & ThreadLockState.WAITING) == 0) {
      s.push(lock, mode, 1, now); // no pending acquisition (reset meanwhile): a plain hold
      return;
    }
    HoldEntry e = s.pendingEntry();
    if (now - e.startNanos >= RuntimeSettings.waitGateNanos) {
      waitEnded(s, e, lock, mode, OUTCOME_ACQUIRED);
    }
    s.commitPending(st >>> 2, lock, mode, now);
  }

  /**
   * Called when a blocking or timed acquisition ended without the lock.
   *
   * @param s what {@link #beforeAcquire} returned, may be {@code null}
   * @param lock the lock
   * @param mode the mode
   * @param outcome one of the outcome constants
   */
  public static void acquireFailed(ThreadLockState s, Object lock, int mode, int outcome) {
    if (s == null) {
      return;
    }
    HoldEntry e = s.pendingEntry();
    if (e == null) {
      return;
    }
    // Failed attempts are rare: use the precise clock, so that a timed-out tryLock is never missed
    // because the coarse clock's ticker was starved of CPU.
    if (System.nanoTime() - e.startNanos >= RuntimeSettings.waitGateNanos) {
      waitEnded(s, e, lock, mode, outcome);
    }
    s.state = s.state & ThreadLockState.BUSY | s.depth() << 2;
  }

  /**
   * Called after a non-blocking acquisition (plain tryLock) succeeded: no order edge, a hold.
   *
   * @param lock the lock
   * @param mode the mode
   */
  public static void tryAcquired(Object lock, int mode) {
    pushHold(lock, mode, 1);
  }

  /**
   * Called after a lock was released by the calling thread (one level of reentrancy).
   *
   * @param lock the lock
   * @param mode the mode
   */
  @ForceInline
  public static void release(Object lock, int mode) {
    if (RuntimeSettings.active) {
      release(ThreadLockState.current(), lock, mode);
    }
  }

  /**
   * Same as {@link #release(Object, int)}, for a caller that still has the state that {@link
   * #beforeAcquire} returned for this hold (no {@code ThreadLocal} lookup).
   *
   * @param s the calling thread's state, may be {@code null} (then nothing happens)
   * @param lock the lock
   * @param mode the mode
   */
  @ForceInline
  public static void release(ThreadLockState s, Object lock, int mode) {
    if (s == null) {
      return;
    }
    int st = s.state; // the recursion guard is in it: busy goes the slow way
    if (st == ThreadLockState.DEPTH_1) {
      if (s.lock == lock) {
        releaseTop(s, s, 0);
        return;
      }
    } else if (st == ThreadLockState.DEPTH_2) {
      HoldEntry e = s.second;
      if (e.lock == lock && ThreadLockState.sameMode(e.mode, mode)) {
        releaseTop(s, e, ThreadLockState.DEPTH_1);
        return;
      }
    }
    if ((st & ThreadLockState.BUSY) == 0) {
      releaseNested(s, lock, mode);
    }
  }

  /** Releases a level of top entry {@code e}; at the last, the state becomes {@code below}. */
  @ForceInline
  private static void releaseTop(ThreadLockState s, HoldEntry e, int below) {
    if (e.reentries != 0) {
      e.reentries--;
      return;
    }
    if (CoarseClock.nowNanos - e.startNanos >= RuntimeSettings.holdGateNanos) {
      holdEnded(s, e);
    }
    s.state = below; // e.lock stays as a stale reference: see HoldEntry.prepare
  }

  /**
   * Called when {@code Object.wait} or {@code Condition.await} is about to release {@code lock}
   * entirely. The hold ends here (it may be committed); the waiting period is not a hold.
   *
   * @param lock the lock
   * @return the reentrancy depth to pass to {@link #reacquiredAfterWait}, 0 if not tracked
   */
  public static int releaseForWait(Object lock) {
    if (!RuntimeSettings.active) {
      return 0;
    }
    ThreadLockState s = ThreadLockState.current();
    if (s.busy()) {
      return 0;
    }
    int i = s.indexOf(lock, -1);
    if (i < 0) {
      return 0;
    }
    HoldEntry e = s.entry(i);
    int count = e.reentries + 1;
    if (CoarseClock.nowNanos - e.startNanos >= RuntimeSettings.holdGateNanos) {
      holdEnded(s, e);
    }
    s.remove(i);
    return count;
  }

  /**
   * Called when the wait returned and the lock is held again at {@code depth}: a new hold starts.
   *
   * @param lock the lock
   * @param mode the mode
   * @param depth what {@link #releaseForWait} returned
   */
  public static void reacquiredAfterWait(Object lock, int mode, int depth) {
    if (depth > 0) {
      pushHold(lock, mode, depth);
    }
  }

  /** A hold of {@code count} levels that began without a pending acquisition. */
  private static void pushHold(Object lock, int mode, int count) {
    if (!RuntimeSettings.active) {
      return;
    }
    ThreadLockState s = ThreadLockState.current();
    if (s.busy()) {
      return;
    }
    s.resetIfStale(RuntimeSettings.epoch);
    s.push(lock, mode, count, CoarseClock.nowNanos);
  }

  /**
   * Called when {@code task} was handed to {@code executor}.
   *
   * @param executor the executor
   * @param task the task as the executor will see it
   */
  public static void taskSubmitted(Object executor, Object task) {
    if (!RuntimeSettings.active) {
      return;
    }
    ThreadLockState s = ThreadLockState.current();
    if (s.busy()) {
      return;
    }
    s.state |= ThreadLockState.BUSY;
    try {
      s.resetIfStale(RuntimeSettings.epoch);
      boolean underLock = s.depth() > 0;
      LockRegistry.ObjectInfo exec = LockRegistry.executor(executor);
      TaskTable.TaskInfo info = TaskTable.submitted(task, exec, CoarseClock.nowNanos, underLock);
      if (underLock && RuntimeSettings.submitEnabled) {
        EventWriter.submit(s, executor, exec, info, task);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      s.state &= ~ThreadLockState.BUSY;
    }
  }

  /**
   * Called on the worker just before {@code task} runs.
   *
   * @param executor the executor
   * @param task the task
   */
  public static void taskStarted(Object executor, Object task) {
    if (!RuntimeSettings.active) {
      return;
    }
    ThreadLockState s = ThreadLockState.current();
    if (s.busy()) {
      return;
    }
    s.state |= ThreadLockState.BUSY;
    try {
      s.resetIfStale(RuntimeSettings.epoch);
      long now = CoarseClock.nowNanos;
      TaskTable.TaskInfo info = TaskTable.get(task);
      if (info == null) {
        info = TaskTable.submitted(task, LockRegistry.executor(executor), now, false);
      }
      if (info != null) {
        s.pushTask(info, now);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      s.state &= ~ThreadLockState.BUSY;
    }
  }

  /**
   * Called on the worker after {@code task} ran, normally or not.
   *
   * @param executor the executor
   * @param task the task
   */
  public static void taskFinished(Object executor, Object task) {
    if (!RuntimeSettings.active) {
      return;
    }
    ThreadLockState s = ThreadLockState.current();
    if (s.busy()) {
      return;
    }
    s.state |= ThreadLockState.BUSY;
    try {
      int d = s.runningDepth;
      for (int i = d - 1; i >= 0; i--) {
        TaskTable.TaskInfo info = s.runningTasks[i];
        if (info != null && info.get() == task) {
          long startedAt = s.runningSinceNanos[i];
          for (int j = i; j < d - 1; j++) {
            s.runningTasks[j] = s.runningTasks[j + 1];
            s.runningSinceNanos[j] = s.runningSinceNanos[j + 1];
          }
          s.runningTasks[d - 1] = null;
          s.runningDepth = d - 1;
          if (CoarseClock.nowNanos - info.submitNanos >= RuntimeSettings.taskGateNanos) {
            long end = System.nanoTime();
            long total = end - info.submitNanos;
            if (total >= RuntimeSettings.taskThresholdNanos) {
              EventWriter.task(info, total, Math.max(0, startedAt - info.submitNanos),
                  Math.max(0, end - startedAt), s.thread);
            }
          }
          TaskTable.finished(task);
          break;
        }
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      s.state &= ~ThreadLockState.BUSY;
    }
  }

  /**
   * Records that waiting on {@code future} means waiting for {@code task} (for example a
   * CompletableFuture and the AsyncSupply that completes it), so a wait resolves to the executor.
   *
   * @param future the future
   * @param task the task, already submitted
   */
  public static void linkFuture(Object future, Object task) {
    if (!RuntimeSettings.active) {
      return;
    }
    ThreadLockState s = ThreadLockState.current();
    if (s.busy()) {
      return;
    }
    s.state |= ThreadLockState.BUSY;
    try {
      TaskTable.TaskInfo info = TaskTable.get(task);
      if (info != null) {
        TaskTable.link(future, info);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      s.state &= ~ThreadLockState.BUSY;
    }
  }

  /**
   * Called before a blocking wait of {@code kind} on {@code target} (a future, latch, thread...).
   *
   * @param kind one of the wait kind constants
   * @param target what is waited on
   * @return the calling thread's state, to pass to {@link #blockingWaitEnd}; may be {@code null}
   */
  public static ThreadLockState blockingWaitBegin(int kind, Object target) {
    if (!RuntimeSettings.active) {
      return null;
    }
    ThreadLockState s = ThreadLockState.current();
    if (s.busy() || s.waitTarget != null) {
      return null; // an outer wait (e.g. FutureTask.get inside Future.get) is already tracked
    }
    s.resetIfStale(RuntimeSettings.epoch);
    s.state |= ThreadLockState.BUSY;
    try {
      TaskTable.TaskInfo task = TaskTable.resolve(target);
      if (task == null && kind == WAIT_FORK_JOIN) {
        task = TaskTable.forkJoinRoot(target, CoarseClock.nowNanos, s.depth() > 0);
      }
      s.waitTask = task;
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      s.state &= ~ThreadLockState.BUSY;
    }
    s.waitKind = kind;
    s.waitSinceNanos = CoarseClock.nowNanos;
    s.waitTarget = target == null ? s : target;
    return s;
  }

  /**
   * Called when the blocking wait begun with {@link #blockingWaitBegin} ended.
   *
   * @param s what {@link #blockingWaitBegin} returned, may be {@code null}
   * @param outcome one of the outcome constants
   */
  public static void blockingWaitEnd(ThreadLockState s, int outcome) {
    if (s == null) {
      return;
    }
    Object target = s.waitTarget;
    s.waitTarget = null;
    if (s.depth() > 0
        && CoarseClock.nowNanos - s.waitSinceNanos >= RuntimeSettings.blockingGateNanos) {
      blockingEnded(s, target, outcome);
    }
    s.waitTask = null;
  }

  /**
   * Gives {@code lock} a readable name for reports.
   *
   * @param lock the lock
   * @param name the name
   */
  public static void nameLock(Object lock, String name) {
    try {
      LockRegistry.nameLock(lock, name);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /**
   * Gives {@code executor} a readable name for reports.
   *
   * @param executor the executor
   * @param name the name
   */
  public static void nameExecutor(Object executor, String name) {
    try {
      LockRegistry.nameExecutor(executor, name);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  // ---- slow paths ----------------------------------------------------------------------------

  /**
   * Nested acquisition: self-deadlock check, then one order edge per held lock, deduplicated by
   * the per-entry memo (two compares) and then by the global {@link OrderEdgeCache}.
   *
   * @return whether {@code lock} is already held (a re-entry: no order edge)
   */
  private static boolean checkNested(ThreadLockState s, Object lock, int mode) {
    int d = s.depth();
    for (int i = 0; i < d; i++) {
      if (s.entry(i).lock == lock) {
        checkSelfDeadlock(s, lock, mode);
        return true; // a re-entry cannot block on another thread: no order edge
      }
    }
    if (!RuntimeSettings.orderEnabled) {
      return false;
    }
    for (int i = 0; i < d; i++) {
      HoldEntry e = s.entry(i);
      if (e.memoChild != lock || e.memoModes != HoldEntry.memoKey(e.mode, mode)) {
        newEdge(s, e, lock, mode);
      }
    }
    return false;
  }

  private static void newEdge(ThreadLockState s, HoldEntry e, Object lock, int mode) {
    s.state |= ThreadLockState.BUSY;
    try {
      Object held = e.lock;
      long heldId = LockRegistry.lockId(held);
      long lockId = LockRegistry.lockId(lock);
      int r = OrderEdgeCache.INSTANCE.add(OrderEdgeCache.key(heldId, e.mode, lockId, mode));
      if (r == OrderEdgeCache.ADDED) {
        EventWriter.order(s, held, heldId, e.mode, lock, lockId, mode);
      }
      if (r != OrderEdgeCache.DROPPED) {
        e.memoModes = HoldEntry.memoKey(e.mode, mode);
        e.memoChild = lock;
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      s.state &= ~ThreadLockState.BUSY;
    }
  }

  private static void checkSelfDeadlock(ThreadLockState s, Object lock, int mode) {
    if (!RuntimeSettings.selfDeadlockEnabled) {
      return;
    }
    boolean readHeld = false;
    boolean writeHeld = false;
    int heldMode = 0;
    String kind = null;
    for (int i = 0, d = s.depth(); i < d; i++) {
      HoldEntry e = s.entry(i);
      if (e.lock != lock) {
        continue;
      }
      heldMode = e.mode;
      if ((e.mode & NON_REENTRANT) != 0 || (mode & NON_REENTRANT) != 0) {
        kind = "reentry";
      }
      if ((e.mode & 3) == READ) {
        readHeld = true;
      } else {
        writeHeld = true;
      }
    }
    if (kind == null && (mode & 3) == WRITE && readHeld && !writeHeld) {
      kind = "upgrade";
      heldMode = READ;
    }
    if (kind == null) {
      return;
    }
    s.state |= ThreadLockState.BUSY;
    try {
      EventWriter.selfDeadlock(lock, heldMode, mode, kind);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      s.state &= ~ThreadLockState.BUSY;
    }
  }

  /** A wait for {@code lock} that may be long enough to report; {@code pending} says since when. */
  @DontInline
  private static void waitEnded(ThreadLockState s, HoldEntry pending, Object lock, int mode,
      int outcome) {
    s.state |= ThreadLockState.BUSY;
    try {
      long elapsed = System.nanoTime() - pending.startNanos;
      Thread owner = s.pendingOwnerHint;
      s.pendingOwnerHint = null;
      if (elapsed >= RuntimeSettings.waitThresholdNanos) {
        if (owner == null || outcome != OUTCOME_ACQUIRED) {
          ThreadLockState holder = ThreadStateRegistry.findHolder(lock, s);
          if (holder != null) {
            owner = holder.thread;
          }
        }
        EventWriter.lockWait(s, lock, mode, elapsed, outcome, owner);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      s.state &= ~ThreadLockState.BUSY;
    }
  }

  @DontInline
  private static void holdEnded(ThreadLockState s, HoldEntry e) {
    s.state |= ThreadLockState.BUSY;
    try {
      long elapsed = System.nanoTime() - e.startNanos;
      if (elapsed >= RuntimeSettings.holdThresholdNanos) {
        EventWriter.hold(s, e.lock, e.mode, elapsed);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      s.state &= ~ThreadLockState.BUSY;
    }
  }

  @DontInline
  private static void releaseNested(ThreadLockState s, Object lock, int mode) {
    int i = s.indexOf(lock, mode);
    if (i < 0) {
      RuntimeCounters.UNMATCHED_RELEASES.increment();
      return;
    }
    HoldEntry e = s.entry(i);
    if (e.reentries != 0) {
      e.reentries--;
      return;
    }
    if (CoarseClock.nowNanos - e.startNanos >= RuntimeSettings.holdGateNanos) {
      holdEnded(s, e);
    }
    s.remove(i);
  }

  private static void blockingEnded(ThreadLockState s, Object target, int outcome) {
    s.state |= ThreadLockState.BUSY;
    try {
      long elapsed = System.nanoTime() - s.waitSinceNanos;
      if (elapsed >= RuntimeSettings.blockingThresholdNanos) {
        EventWriter.blocking(s, s.waitKind, target == s ? null : target, s.waitTask, elapsed,
            outcome);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      s.state &= ~ThreadLockState.BUSY;
    }
  }
}
