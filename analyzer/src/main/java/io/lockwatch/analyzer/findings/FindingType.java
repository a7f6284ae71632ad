package io.lockwatch.analyzer.findings;

/** The kind of concurrency bug a {@link Finding} names; these names are API for tools and tests. */
public enum FindingType {
  /** A cycle in the lock-order graph (executors included): a potential deadlock. */
  LOCK_ORDER_CYCLE,
  /** A cycle in the live wait-for graph: an actual deadlock. */
  DEADLOCK,
  /** A worker of a pool blocks on a task of the same pool. */
  POOL_SELF_WAIT,
  /** Every worker of a pool is blocked on tasks queued in that pool. */
  POOL_STARVATION,
  /** Blocking I/O, sleep, or a wait on a future, latch or join while holding a lock. */
  WAIT_UNDER_LOCK,
  /** A lock held past a threshold while other threads waited for it. */
  LONG_HOLD,
  /** Threads blocked on a lock or pool for longer than the stall threshold, while it lasts. */
  STALL,
  /** A non-reentrant lock re-acquired by its holder, or a read to write upgrade. */
  SELF_DEADLOCK,
  /** A virtual thread pinned to its carrier while blocking. */
  VIRTUAL_THREAD_PINNED,
  /** An acquisition against a lock order declared through the explicit API. */
  ORDER_VIOLATION
}
