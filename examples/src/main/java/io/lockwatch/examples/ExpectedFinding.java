package io.lockwatch.examples;

/** The finding types a scenario expects Lockwatch to report (twins expect none). */
public enum ExpectedFinding {
  /** Two or more locks taken in inverted orders: a deadlock that can happen. */
  LOCK_ORDER_CYCLE,
  /** Threads that wait on each other right now (locks, futures, pools). */
  DEADLOCK,
  /** A pool's worker blocks on a task of the same pool. */
  POOL_SELF_WAIT,
  /** Every worker of a pool is blocked while tasks wait in its queue. */
  POOL_STARVATION,
  /** A blocking wait (I/O, sleep, future, latch) while holding a lock. */
  WAIT_UNDER_LOCK,
  /** A lock held longer than the threshold while others wait for it. */
  LONG_HOLD,
  /** A thread that has made no progress for a long time, blocked on a lock. */
  STALL,
  /** A thread re-acquiring a non-reentrant lock it holds, or upgrading a read lock. */
  SELF_DEADLOCK,
  /** A virtual thread blocking while pinned to its carrier. */
  VIRTUAL_THREAD_PINNED,
  /** An acquisition against an order declared with {@code Lockwatch.declareOrder}. */
  ORDER_VIOLATION
}
