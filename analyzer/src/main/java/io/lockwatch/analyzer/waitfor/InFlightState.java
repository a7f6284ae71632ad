package io.lockwatch.analyzer.waitfor;

import io.lockwatch.analyzer.findings.ThreadRef;
import io.lockwatch.analyzer.internal.ExecutorInfo;
import io.lockwatch.analyzer.internal.LockInfo;
import java.time.Instant;
import java.util.List;

/**
 * One state of an in-flight snapshot ({@code lockwatch.InFlight}): a hold, lock wait or blocking
 * wait still in progress.
 *
 * @param snapshotId the watchdog pass
 * @param kind hold, lock-wait or blocking-wait
 * @param thread the holding or waiting thread
 * @param ageNanos how long it has lasted
 * @param lock the lock held or waited for, or {@code null}
 * @param mode monitor, exclusive, read or write
 * @param owner for a lock wait, a holder, or {@code null}
 * @param waiters for a hold, the number of waiters
 * @param waitKind for a blocking wait, its kind
 * @param executor for a blocking wait on a task, its executor, or {@code null}
 * @param runningExecutor the executor whose task the thread runs, or {@code null}
 * @param heldLocks the locks the thread holds, outermost first
 * @param threadStack the thread's stack
 * @param ownerStack for a lock wait, the owner's stack
 * @param time the event time
 */
public record InFlightState(long snapshotId, Kind kind, ThreadRef thread, long ageNanos,
    LockInfo lock, String mode, ThreadRef owner, int waiters, String waitKind,
    ExecutorInfo executor, ExecutorInfo runningExecutor, List<LockInfo> heldLocks,
    List<String> threadStack, List<String> ownerStack, Instant time) {

  /** What the thread is doing. */
  public enum Kind {
    /** Holding a lock. */
    HOLD,
    /** Waiting to acquire a lock. */
    LOCK_WAIT,
    /** Waiting on a future, latch, join, sleep or I/O. */
    BLOCKING_WAIT;

    /**
     * @param s the event's state string
     * @return the kind, or {@code null} if unknown
     */
    public static Kind parse(String s) {
      return switch (s) {
        case "hold" -> HOLD;
        case "lock-wait" -> LOCK_WAIT;
        case "blocking-wait" -> BLOCKING_WAIT;
        default -> null;
      };
    }
  }

  /** @return whether the thread is blocked (waiting on a lock or on something else) */
  public boolean blocked() {
    return kind != Kind.HOLD;
  }
}
