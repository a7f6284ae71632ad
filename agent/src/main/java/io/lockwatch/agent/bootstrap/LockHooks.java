package io.lockwatch.agent.bootstrap;

import io.lockwatch.runtime.LockRuntime;

/**
 * Helpers for the j.u.c. lock advice where one static call into the runtime is not enough:
 * StampedLock stamp conversions and the mode of an AQS behind a {@code Condition}. This class is
 * internal.
 */
public final class LockHooks {
  /** StampedLock's write bit ({@code WBIT}, {@code 1L << LG_READERS} with 7 reader bits). */
  static final long STAMPED_WBIT = 1L << 7;
  /** StampedLock's reader-count bits ({@code RBITS}). */
  static final long STAMPED_RBITS = STAMPED_WBIT - 1L;

  private static final int STAMPED_WRITE = LockRuntime.WRITE | LockRuntime.NON_REENTRANT;

  private LockHooks() {}

  /**
   * Returns the runtime mode of a StampedLock stamp that holds a lock.
   *
   * @param stamp a read or write stamp
   * @return {@code WRITE | NON_REENTRANT} or {@code READ}
   */
  public static int stampedMode(long stamp) {
    return (stamp & STAMPED_WBIT) != 0L ? STAMPED_WRITE : LockRuntime.READ;
  }

  /**
   * After {@code StampedLock.tryConvertTo*Lock}: moves the hold from the old stamp's mode to the new
   * one.
   *
   * @param lock the StampedLock
   * @param from the stamp passed in
   * @param to the stamp returned, 0 if the conversion failed
   */
  public static void stampConverted(Object lock, long from, long to) {
    try {
      if (to == 0L) {
        return;
      }
      boolean wasHeld = (from & (STAMPED_WBIT | STAMPED_RBITS)) != 0L;
      boolean isHeld = (to & (STAMPED_WBIT | STAMPED_RBITS)) != 0L;
      int fromMode = stampedMode(from);
      int toMode = stampedMode(to);
      if (wasHeld && isHeld && fromMode == toMode) {
        return;
      }
      if (wasHeld) {
        LockRuntime.release(lock, fromMode);
      }
      if (isHeld) {
        LockRuntime.tryAcquired(lock, toMode);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /**
   * Returns the mode in which a {@code Condition} of {@code sync} is held: {@code WRITE} for a
   * ReentrantReadWriteLock, {@code EXCLUSIVE} otherwise.
   *
   * @param sync the AbstractQueuedSynchronizer that owns the condition
   * @return the runtime mode
   */
  public static int conditionMode(Object sync) {
    return sync != null && sync.getClass().getName().startsWith(
        "java.util.concurrent.locks.ReentrantReadWriteLock$")
        ? LockRuntime.WRITE : LockRuntime.EXCLUSIVE;
  }
}
