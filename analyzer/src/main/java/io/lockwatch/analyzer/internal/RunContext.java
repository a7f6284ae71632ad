package io.lockwatch.analyzer.internal;

/**
 * Identity maps of one JVM run (one recording): lock ids, executor ids and which threads work for
 * which executor. Ids are only meaningful within a run; a new file starts a new context and the old
 * one is dropped. Every map is bounded (least recently used evicted). This class is internal.
 */
public final class RunContext {
  /** Most locks remembered per run (at most; see {@link #locksFor}). */
  public static final int MAX_LOCKS = 65_536;
  /** Most executors remembered per run. */
  public static final int MAX_EXECUTORS = 4_096;
  /** Most worker threads remembered per run. */
  public static final int MAX_WORKERS = 16_384;

  private final int index;
  private final String label;
  private final LongLruMap<LockInfo> locks;
  private final LongLruMap<ExecutorInfo> executors = new LongLruMap<>(MAX_EXECUTORS);
  private final LongLruMap<Long> workerExecutor = new LongLruMap<>(MAX_WORKERS);

  /**
   * @param index the run's number, from 0
   * @param label a readable label (file name), not {@code null}
   */
  public RunContext(int index, String label) {
    this(index, label, MAX_LOCKS);
  }

  /**
   * @param index the run's number, from 0
   * @param label a readable label (file name), not {@code null}
   * @param maxLocks most locks remembered, positive
   */
  public RunContext(int index, String label, int maxLocks) {
    this.index = index;
    this.label = label;
    this.locks = new LongLruMap<>(maxLocks);
  }

  /**
   * The lock cap that goes with a lock-order graph cap: twice the graph's nodes, at most
   * {@link #MAX_LOCKS}. A remembered lock keeps its names, keys and graph handles (about 1 KiB), so
   * a small graph (inside an application) should not keep 65,536 of them.
   *
   * @param maxGraphNodes the graph's node cap
   * @return the lock cap
   */
  public static int locksFor(int maxGraphNodes) {
    return (int) Math.min(MAX_LOCKS, 2L * maxGraphNodes);
  }

  /** @return the run's number */
  public int index() {
    return index;
  }

  /** @return the run's label */
  public String label() {
    return label;
  }

  /**
   * Returns the lock with this id, learning its class, name and acquisition site.
   *
   * @param id the lock id
   * @param cls its class name, may be empty
   * @param name its name, may be empty
   * @param stack a stack of its acquisition (its site is its first non-Lockwatch frame), or {@code null}
   * @return the lock, not {@code null}
   */
  public LockInfo lock(long id, String cls, String name, jdk.jfr.consumer.RecordedStackTrace stack) {
    if (id == 0) {
      // The runtime's registry was full: id 0 is "no id", shared by many locks. Such a lock is its
      // own node, keyed by its generated name, never merged with other id-0 locks.
      LockInfo unregistered = new LockInfo(0, "L" + index + ":0:" + name);
      unregistered.learn(cls, name, stack);
      return unregistered;
    }
    LockInfo l = locks.get(id);
    if (l == null) {
      l = new LockInfo(id, "L" + index + ":" + id);
      locks.put(id, l);
    }
    l.learn(cls, name, stack);
    return l;
  }

  /** @return the lock with this id if known, else {@code null} */
  public LockInfo knownLock(long id) {
    return locks.get(id);
  }

  /** @return the executor with this id, learning its class and name */
  public ExecutorInfo executor(long id, String cls, String name) {
    ExecutorInfo e = executors.get(id);
    if (e == null) {
      e = new ExecutorInfo(id, "E" + index + ":" + id);
      executors.put(id, e);
    }
    e.learn(cls, name);
    return e;
  }

  /** Records that a thread runs tasks of an executor. */
  public void worker(long threadId, long executorId) {
    if (executorId != 0) {
      workerExecutor.put(threadId, executorId);
    }
  }

  /**
   * The executor a thread works for: as recorded, else guessed from the thread's name
   * ({@code <executor name>-...}, or {@code ForkJoinPool.commonPool-worker-N}).
   *
   * @param threadId the thread's id
   * @param threadName the thread's name, may be {@code null}
   * @return the executor, or {@code null}
   */
  public ExecutorInfo executorOfWorker(long threadId, String threadName) {
    Long id = workerExecutor.get(threadId);
    if (id != null) {
      return executors.get(id);
    }
    if (threadName == null || threadName.isEmpty()) {
      return null;
    }
    if (executors.isEmpty()) {
      return null;
    }
    // Least recently used first, as the access-ordered map this replaced iterated.
    return executors.findEldest(e -> namesWorker(e.name(), threadName));
  }

  /** Whether the thread name is {@code <executor name>-...}. */
  private static boolean namesWorker(String executorName, String threadName) {
    int n = executorName.length();
    return n > 0 && threadName.length() > n && threadName.charAt(n) == '-'
        && threadName.startsWith(executorName);
  }

  /** @return locks retained */
  public int lockCount() {
    return locks.size();
  }

  @Override
  public String toString() {
    return "RunContext{" + index + " " + label + ", locks=" + locks.size() + "}";
  }
}
