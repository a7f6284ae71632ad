package io.lockwatch.runtime;

/**
 * Per-thread held-lock state, kept in a {@link ThreadLocal} so that every thread, virtual threads
 * included, is its own owner, and found by the hooks through a small table indexed by thread id
 * (see {@link #current()}). This class is internal.
 *
 * <p>Layout: the first two held locks live in {@link #first} and {@link #second} (no array access
 * for the common depths 0 to 2); deeper nesting spills into {@link #more}, which grows without a
 * fixed limit. The state object is itself its first entry ({@code first == this}): every hook
 * reaches the entry of a depth-1 pair without one more dependent load after the {@code
 * ThreadLocal} lookup. A re-entry of a held lock in the same mode counts in the entry instead of
 * pushing twice. The depth, "waiting", "the pending acquisition is a re-entry" and the recursion
 * guard share one int, {@link #state}, so that a hook tests them with one compare and updates them
 * with one store. While the thread waits for a lock, the pending acquisition is the entry at the
 * depth (lock, mode and coarse start): a wait is published before the thread can block, with no
 * separate fields.
 *
 * <p>Concurrency: every field is written by the owning thread with plain stores, except {@link
 * #pendingOwnerHint} (written by a releasing thread, a hint only). The watchdog reads the rest
 * racily: it may report a just-ended hold or miss a just-started one for one period, or see a
 * pending entry whose lock is one acquisition old. This is deliberate: volatile writes on the hot
 * path would cost more than the whole budget.
 */
public final class ThreadLockState extends HoldEntry {
  /** {@link #state} bit: the thread is between beforeAcquire and afterAcquire/acquireFailed. */
  static final int WAITING = 1;
  /** {@link #state} bit, with {@link #WAITING}: the pending acquisition re-enters a held lock. */
  static final int REENTRY = 2;
  /** {@link #state} of one held lock and nothing pending. */
  static final int DEPTH_1 = 1 << 2;
  /** {@link #state} of two held locks and nothing pending. */
  static final int DEPTH_2 = 2 << 2;
  /**
   * {@link #state} bit, the recursion guard: set while a hook's slow path runs, and forever on
   * Lockwatch's threads. In the state so that the hooks' fast-path compares exclude it for free.
   */
  static final int BUSY = 1 << 30;
  private static final int DEPTH_MASK = (1 << 28) - 1;

  private static final HoldEntry[] NO_ENTRIES = new HoldEntry[0];
  private static final ThreadLocal<ThreadLockState> CURRENT =
      ThreadLocal.withInitial(ThreadLockState::create);
  /**
   * A cache in front of {@link #CURRENT}: slot {@code threadId & (slots - 1)} holds the state of
   * the first live thread that claimed it, checked by identity. A hit costs three dependent loads
   * instead of a {@code ThreadLocal} lookup's six or seven (about 1 ns less per hook). Threads
   * whose slot is taken use the {@code ThreadLocal}; slots of dead threads are emptied by the
   * watchdog ({@link #pruneBySlot}), so the table retains at most one dead thread's state per slot
   * between two passes.
   */
  private static final ThreadLockState[] BY_SLOT =
      new ThreadLockState[Integer.highestOneBit(Math.max(64,
          Math.min(1 << 16, Integer.getInteger("lockwatch.fastThreadSlots", 4096))))];

  final Thread thread;
  /** Set forever on Lockwatch's own threads; the watchdog skips them. */
  boolean internal;
  /** The recording epoch ({@code RuntimeSettings.epoch}) this state belongs to. */
  int epoch;
  /**
   * The {@code RuntimeSettings.activeEpoch} token this state was last brought up to date with
   * (epoch and stale references); a hook's fast path runs only while it is current.
   */
  int pass;
  /**
   * {@code BUSY? | depth << 2 | REENTRY? | WAITING?}; the depth is the number of distinct held
   * entries.
   */
  int state;
  /** The first held lock: this object itself (see the class comment). */
  final HoldEntry first = this;
  /** The second held lock: a nested pair needs no array access either. */
  final HoldEntry second = new HoldEntry();
  /** Entries 2..; always at least one slot above the depth, for a pending acquisition. */
  HoldEntry[] more = NO_ENTRIES;

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

  @jdk.internal.vm.annotation.ForceInline
  static ThreadLockState current() {
    Thread t = Thread.currentThread();
    ThreadLockState s = BY_SLOT[slot(t)];
    if (s != null && s.thread == t) {
      return s;
    }
    return currentSlow(t);
  }

  @jdk.internal.vm.annotation.DontInline
  private static ThreadLockState currentSlow(Thread t) {
    ThreadLockState s = CURRENT.get();
    int i = slot(t);
    if (BY_SLOT[i] == null) {
      BY_SLOT[i] = s; // a racy claim: a reader checks the owner, a lost claim only costs a miss
    }
    return s;
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same value
  private static int slot(Thread t) {
    return (int) t.getId() & (BY_SLOT.length - 1);
  }

  /** The state cached in {@code t}'s slot, whoever owns it; for tests. */
  static ThreadLockState cachedInSlotOf(Thread t) {
    return BY_SLOT[slot(t)];
  }

  /** {@code t}'s slot in the cache; for tests. */
  static int slotOf(Thread t) {
    return slot(t);
  }

  /** Empties the cache slots of threads that have ended. Called by the watchdog each pass. */
  static void pruneBySlot() {
    for (int i = 0; i < BY_SLOT.length; i++) {
      ThreadLockState s = BY_SLOT[i];
      if (s != null && !s.thread.isAlive()) {
        BY_SLOT[i] = null;
      }
    }
  }

  /** Marks the calling thread as Lockwatch's own: hooks on it do nothing. */
  static void markInternal() {
    ThreadLockState s = CURRENT.get();
    s.state |= BUSY;
    s.internal = true;
  }

  /** Whether the recursion guard is set. */
  boolean busy() {
    return (state & BUSY) != 0;
  }

  /**
   * Sets the recursion guard for a section that may run on a thread already inside one.
   *
   * @return what to pass to {@link #exitBusy}
   */
  int enterBusy() {
    int was = state & BUSY;
    state |= BUSY;
    return was;
  }

  /** Restores the recursion guard saved by {@link #enterBusy}. */
  void exitBusy(int was) {
    state = state & ~BUSY | was;
  }

  /**
   * Returns how many distinct locks the thread holds (for tests and diagnostics).
   *
   * @return the depth
   */
  public int depth() {
    return state >>> 2 & DEPTH_MASK;
  }

  /** Whether the thread is waiting for {@link #pendingEntry()}'s lock (racy from other threads). */
  boolean waiting() {
    return (state & WAITING) != 0;
  }

  HoldEntry entry(int i) {
    return i == 0 ? this : i == 1 ? second : more[i - 2];
  }

  /**
   * The entry of the pending acquisition while {@link #waiting()}, else {@code null}; safe to call
   * from another thread (racy).
   */
  HoldEntry pendingEntry() {
    int st = state;
    if ((st & WAITING) == 0) {
      return null;
    }
    int d = st >>> 2 & DEPTH_MASK;
    HoldEntry[] m = more;
    return d < 2 ? entry(d) : d - 2 < m.length ? m[d - 2] : null;
  }

  /** The lock the thread waits for, or {@code null} (racy from other threads). */
  Object pendingLock() {
    HoldEntry e = pendingEntry();
    return e == null ? null : e.lock;
  }

  /** The number of entries another thread may safely index, given a racy {@link #state}. */
  int visibleDepth() {
    return Math.min(depth(), more.length + 2);
  }

  /**
   * Brings the state up to date with {@code token} (the current {@code
   * RuntimeSettings.activeEpoch}): resets it if the recording epoch changed, and drops stale
   * references (the watchdog issues a new token every pass to ask for that).
   */
  void sync(int token) {
    resetIfStale(RuntimeSettings.epoch);
    if (pass != token) {
      clearStale();
      pass = token;
    }
  }

  /** Clears state left from an earlier enabled period (hooks skip work while disabled). */
  void resetIfStale(int currentEpoch) {
    if (epoch == currentEpoch) {
      return;
    }
    epoch = currentEpoch;
    state &= BUSY;
    reentries = 0;
    second.reentries = 0;
    for (HoldEntry e : more) {
      e.reentries = 0;
    }
    clearStale();
    waitTarget = null;
    for (int i = 0; i < runningDepth; i++) {
      runningTasks[i] = null;
    }
    runningDepth = 0;
  }

  /**
   * Drops the references kept above the depth and the pending entry (stale entries and order
   * memos), so that the state keeps no lock alive for long. Runs on the owning thread only.
   */
  void clearStale() {
    int keep = depth() + (state & WAITING);
    if (keep == 0) {
      clear();
    }
    if (keep <= 1) {
      second.clear();
    }
    HoldEntry[] m = more;
    for (int i = Math.max(0, keep - 2); i < m.length; i++) {
      m[i].clear();
    }
  }

  /**
   * Publishes a pending acquisition of {@code lock} at depth {@code d} (the slow form of what
   * beforeAcquire does inline for depths 0 and 1).
   */
  void preparePending(int d, Object lock, int mode, long nowNanos, boolean reentry) {
    ensureSlot(d);
    entry(d).prepare(lock, mode, nowNanos);
    state = state & BUSY | d << 2 | (reentry ? REENTRY | WAITING : WAITING);
  }

  /**
   * Turns the pending acquisition at depth {@code d} into a hold starting at {@code nowNanos}, or
   * counts a re-entry of a lock already held in the same mode.
   */
  void commitPending(int d, Object lock, int mode, long nowNanos) {
    HoldEntry held = find(d, lock, mode);
    if (held != null) {
      held.reentries++;
      state = d << 2;
      return;
    }
    entry(d).start(nowNanos);
    state = (d + 1) << 2;
  }

  /**
   * Pushes a hold of {@code count} levels that had no pending acquisition (tryLock, re-acquired
   * after a wait), or counts it as re-entries of a lock already held in the same mode. A pending
   * acquisition, if any, stays pending above the new hold.
   */
  void push(Object lock, int mode, int count, long nowNanos) {
    int st = state;
    int d = st >>> 2;
    HoldEntry held = find(d, lock, mode);
    if (held != null) {
      held.reentries += count;
      return;
    }
    ensureSlot(d + 1);
    if ((st & WAITING) != 0) {
      entry(d + 1).copyFrom(entry(d));
    }
    HoldEntry e = entry(d);
    e.prepare(lock, mode, nowNanos);
    e.reentries = count - 1;
    state = st + (1 << 2);
  }

  /** The held entry (below {@code d}) of {@code lock} in the same mode, searching from the top. */
  private HoldEntry find(int d, Object lock, int mode) {
    for (int i = d - 1; i >= 0; i--) {
      HoldEntry e = entry(i);
      if (e.lock == lock && sameMode(e.mode, mode)) {
        return e;
      }
    }
    return null;
  }

  /** Makes sure entry {@code i} exists. */
  private void ensureSlot(int i) {
    if (i - 2 >= more.length) {
      HoldEntry[] grown = java.util.Arrays.copyOf(more, Math.max(4, more.length * 2));
      for (int j = more.length; j < grown.length; j++) {
        grown[j] = new HoldEntry();
      }
      more = grown;
    }
  }

  /**
   * Finds the entry of {@code lock}, preferring the same mode, searching from the top.
   *
   * @return the index, or -1
   */
  int indexOf(Object lock, int mode) {
    int any = -1;
    for (int i = depth() - 1; i >= 0; i--) {
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

  /**
   * Removes held entry {@code i}, shifting the entries above it (and a pending acquisition) down.
   */
  void remove(int i) {
    int st = state;
    int top = (st >>> 2) + (st & WAITING);
    for (int j = i; j < top - 1; j++) {
      entry(j).copyFrom(entry(j + 1));
    }
    entry(top - 1).clear();
    state = st - (1 << 2);
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
    return "ThreadLockState{thread=" + thread.getName() + ", depth=" + depth() + "}";
  }
}
