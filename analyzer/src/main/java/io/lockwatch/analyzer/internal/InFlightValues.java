package io.lockwatch.analyzer.internal;

import io.lockwatch.analyzer.findings.ThreadRef;

/**
 * The fields of a {@code lockwatch.InFlight} event the engine reads on every occurrence, read once
 * by {@link EventExtractor} (a lock's class, needed only while the run does not know the lock, is
 * read from the event itself). Absent fields read as the engine read them: {@code ""}, 0 or {@code
 * null}. This class is internal.
 *
 * @param snapshotId the watchdog pass
 * @param state the thread's state
 * @param thread the thread, or {@code null}
 * @param virtual 1 if the event says the thread is virtual, 0 if not, -1 if that could not be read
 *     (only read when {@code thread} is not {@code null})
 * @param lockId the lock, or 0
 * @param lockName the lock's name
 * @param executorId the executor waited on, or 0
 * @param executorName its name
 * @param runningExecutorId the executor whose task the thread runs, or 0
 * @param ageNanos how long the state has lasted
 * @param mode the lock mode
 * @param owner the lock's owner, or {@code null}
 * @param waiters threads waiting for the lock
 * @param waitKind what a blocking wait waits on
 * @param heldLockIds comma-separated ids of the locks held
 * @param heldLocks comma-separated names of the locks held
 * @param threadStack the thread's stack, one frame a line
 * @param ownerStack the owner's stack, one frame a line
 */
public record InFlightValues(long snapshotId, String state, ThreadRef thread, int virtual,
    long lockId, String lockName, long executorId, String executorName, long runningExecutorId,
    long ageNanos, String mode, ThreadRef owner, long waiters, String waitKind, String heldLockIds,
    String heldLocks, String threadStack, String ownerStack) {}
