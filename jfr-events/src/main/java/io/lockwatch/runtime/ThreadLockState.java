package io.lockwatch.runtime;

/**
 * Per-thread held-lock state, kept in a {@link ThreadLocal} so that every thread, virtual threads
 * included, is its own owner. This class is internal.
 *
 * <p>Layout: the first two held locks live in {@link #first} and {@link #second} (no array access
 * for the common depths 0 to 2); deeper nesting spills into {@link #more}, which grows without a
 * fixed limit. A
 * re-entry of a held lock in the same mode increments the entry's count instead of pushing twice.
 *
 * <p>Concurrency: every field is written by the owning thread with plain stores, except
 * {@link #pendingOwnerHint} (written by a releasing thread, a hint only) and the memo fields of
 * unused entries (nulled by the watchdog, see {@link HoldEntry}). The watchdog reads the rest
 * racily: it may report a just-ended hold or miss a just-started one for one period. This is
 * deliberate: volatile writes on the hot path would cost more than the whole budget.
 */
public final class ThreadLockState {
  private static final HoldEntry[] NO_ENTRIES = new HoldEntry[0];
  private static final ThreadLocal<ThreadLockState> CURRENT =
      ThreadLocal.withInitial(ThreadLockState::create);

  final Thread thread;
  /** Recursion guard: set while a hook's slow path runs, and forever on Lockwatch's threads. */
  boolean busy;
  /** Set by the watchdog: drop stale references above the depth at the next depth-0 acquire. */
  boolean clearRequested;
  /** Set forever on Lockwatch's own threads; the watchdog skips them. */
  boolean internal;
  int epoch;
  /** Number of distinct held entries. */
  int depth;
  final HoldEntry first = new HoldEntry();
  /** The second held lock: a nested pair needs no array access either. */
  final HoldEntry second = new HoldEntry();
  /** Entries 2..depth-1. */
  HoldEntry[] more = NO_ENTRIES;

  /** Whether the thread is between beforeAcquire and afterAcquire/acquireFailed. */
  boolean waiting;
  /** The lock waited for while {@link #waiting}; afterwards a stale reference. */
  Object pendingLock;
  int pendingMode;
  long pendingSinceNanos;
  /** A thread that released the pending lock while this thread waited; a hint for LockWait.owner. */
  Thread pendingOwnerHint;

  Object waitTarget;
  /** The task behind {@link #waitTarget}, resolved when the wait began (the task may finish first). */
  TaskTable.TaskInfo waitTask;
  int waitKind;
  long waitSinceNanos;

  TaskTable.TaskInfo[] runningTasks = new TaskTable.TaskInfo[2];
  long[] runningSinceNanos = new long[2];
  int runningDepth;

  ThreadLockState(Thread thread) {
    this.thread = thread;
  }

  private static ThreadLockState create() {
    ThreadLockState s = new ThreadLockState(Thread.currentThread());
    s.epoch = RuntimeSettings.epoch;
    ThreadStateRegistry.register(s);
    return s;
  }

  static ThreadLockState current() {
    return CURRENT.get();
  }

  /** Marks the calling thread as Lockwatch's own: hooks on it do nothing. */
  static void markInternal() {
    ThreadLockState s = CURRENT.get();
    s.busy = true;
    s.internal = true;
  }

  /**
   * Returns how many distinct locks the thread holds (for tests and diagnostics).
   *
   * @return the depth
   */
  public int depth() {
    return depth;
  }

  HoldEntry entry(int i) {
    return i == 0 ? first : i == 1 ? second : more[i - 2];
  }

  /** The number of entries another thread may safely index, given a racy {@link #depth}. */
  int visibleDepth() {
    return Math.min(depth, more.length + 2);
  }

  /** Clears state left from an earlier enabled period (hooks skip work while disabled). */
  void resetIfStale(int currentEpoch) {
    if (epoch == currentEpoch) {
      if (clearRequested) {
        clearStale();
      }
      return;
    }
    {
      epoch = currentEpoch;
      depth = 0;
      clearStale();
      waiting = false;
      pendingLock = null;
      waitTarget = null;
      for (int i = 0; i < runningDepth; i++) {
        runningTasks[i] = null;
      }
      runningDepth = 0;
    }
  }

  /**
   * Drops the references kept above the depth (stale entries and order memos), so that the
   * state keeps no lock alive for long. Runs on the owning thread only.
   */
  void clearStale() {
    clearRequested = false;
    int d = depth;
    if (d == 0) {
      first.lock = null;
      first.clearMemo();
    }
    if (d <= 1) {
      second.lock = null;
      second.clearMemo();
    }
    HoldEntry[] m = more;
    for (int i = Math.max(0, d - 2); i < m.length; i++) {
      m[i].lock = null;
      m[i].clearMemo();
    }
    if (!waiting) {
      pendingLock = null;
    }
  }

  /** Pushes a hold, or counts a re-entry of a lock already held in the same mode. */
  void push(Object lock, int mode, int count, long nowNanos) {
    int d = depth;
    if (d == 0) {
      first.set(lock, mode, count, nowNanos);
      depth = 1;
      return;
    }
    pushNested(lock, mode, count, nowNanos, d);
  }

  private void pushNested(Object lock, int mode, int count, long nowNanos, int d) {
    if (d == 1) {
      HoldEntry f = first;
      if (f.lock == lock && sameMode(f.mode, mode)) {
        f.count += count;
      } else {
        second.set(lock, mode, count, nowNanos);
        depth = 2;
      }
      return;
    }
    for (int i = d - 1; i >= 0; i--) {
      HoldEntry e = entry(i);
      if (e.lock == lock && sameMode(e.mode, mode)) {
        e.count += count;
        return;
      }
    }
    if (d - 2 >= more.length) {
      HoldEntry[] grown = java.util.Arrays.copyOf(more, Math.max(4, more.length * 2));
      for (int i = more.length; i < grown.length; i++) {
        grown[i] = new HoldEntry();
      }
      more = grown;
    }
    more[d - 2].set(lock, mode, count, nowNanos);
    depth = d + 1;
  }

  /**
   * Finds the entry of {@code lock}, preferring the same mode, searching from the top.
   *
   * @return the index, or -1
   */
  int indexOf(Object lock, int mode) {
    int any = -1;
    for (int i = depth - 1; i >= 0; i--) {
      HoldEntry e = entry(i);
      if (e.lock == lock) {
        if (mode < 0 || sameMode(e.mode, mode)) {
          return i;
        }
        if (any < 0) {
          any = i;
        }
      }
    }
    return any;
  }

  /** Removes entry {@code i}, shifting the entries above it down. */
  void remove(int i) {
    int d = depth;
    for (int j = i; j < d - 1; j++) {
      entry(j).copyFrom(entry(j + 1));
    }
    entry(d - 1).lock = null;
    depth = d - 1;
  }

  /**
   * Returns whether this thread holds {@code lock} in any mode (racy when called by another
   * thread).
   */
  boolean holds(Object lock) {
    int d = visibleDepth();
    for (int i = 0; i < d; i++) {
      HoldEntry e = entry(i);
      if (e != null && e.lock == lock) {
        return true;
      }
    }
    return false;
  }

  void pushTask(TaskTable.TaskInfo info, long nowNanos) {
    int d = runningDepth;
    if (d == runningTasks.length) {
      runningTasks = java.util.Arrays.copyOf(runningTasks, d * 2);
      runningSinceNanos = java.util.Arrays.copyOf(runningSinceNanos, d * 2);
    }
    runningSinceNanos[d] = nowNanos;
    runningTasks[d] = info;
    runningDepth = d + 1;
  }

  /** The executor id of the innermost running task, 0 if none (racy from other threads). */
  long runningExecutorId() {
    int d = runningDepth;
    TaskTable.TaskInfo[] tasks = runningTasks;
    if (d <= 0 || d > tasks.length) {
      return 0;
    }
    TaskTable.TaskInfo t = tasks[d - 1];
    return t == null || t.executor == null ? 0 : t.executor.id;
  }

  static boolean sameMode(int a, int b) {
    return (a & 3) == (b & 3);
  }

  @Override
  public String toString() {
    return "ThreadLockState{thread=" + thread.getName() + ", depth=" + depth + "}";
  }
}
