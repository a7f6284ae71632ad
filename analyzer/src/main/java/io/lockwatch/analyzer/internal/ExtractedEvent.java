package io.lockwatch.analyzer.internal;

import io.lockwatch.analyzer.findings.ThreadRef;
import java.time.Instant;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * The analyzer engine's input: the values it reads from one recorded event on every occurrence,
 * read once by {@link EventExtractor} right after parsing, while the event is still in the CPU
 * caches (a file's events then wait in a re-ordering window, and field reads by name on a cold
 * event were the engine's main cost). Values are kept inline or parsed where that spares the engine
 * a pointer to follow into memory that has gone cold in the window (the start time, the held lock
 * ids). Fields a kind does not use are 0, {@code null} or {@code false}. This class is internal.
 *
 * @param kind what the event is
 * @param startSeconds its start time: epoch seconds
 * @param startNanos its start time: nanoseconds in the second, or -1 if it could not be read
 * @param durationNanos its duration (holds and waits)
 * @param thread the thread that committed it, or {@code null} (lock orders, holds and waits)
 * @param stack its stack trace, a shared constant-pool object, or {@code null} (lock orders, holds
 *     and waits)
 * @param lockId the lock held or waited for, or the lock acquired by a lock order
 * @param lockName the name of the lock held or waited for, or acquired by a lock order ({@code ""}
 *     if none): read on every event, as a lock without a name or site may learn one from any event
 * @param heldLockId the lock held by a lock order
 * @param heldLockName the name of the lock held by a lock order ({@code ""} if none)
 * @param heldLockIds the ids of the locks held, outermost first (lock orders and waits), as {@link
 *     Events#ids} parses them
 * @param heldRead whether a lock order's held lock is held for reading
 * @param acquiredRead whether a lock order's acquired lock, or the lock of a hold or wait, is
 *     taken for reading
 * @param lockClass the class of the lock of {@code lockId}, or {@code null} (a shared constant-pool
 *     object; its name is read only while the run does not know the lock)
 * @param heldLockClass the class of a lock order's held lock, or {@code null}
 * @param waiters the threads waiting when a hold ended
 * @param inFlight an in-flight state's fields, or {@code null}
 * @param source the parsed event, for the kinds whose fields are read from it (rare kinds), else
 *     {@code null}: lock orders, holds, waits and in-flight states, almost all of a recording, do
 *     not keep it, so that a re-ordering window holds only their values
 */
public record ExtractedEvent(Kind kind, long startSeconds, int startNanos, long durationNanos,
    ThreadRef thread, RecordedStackTrace stack, long lockId, String lockName, long heldLockId,
    String heldLockName, long[] heldLockIds, boolean heldRead, boolean acquiredRead,
    RecordedClass lockClass, RecordedClass heldLockClass, long waiters, InFlightValues inFlight,
    RecordedEvent source) {

  /** What an event is, by its event type name. */
  public enum Kind {
    LOCK_ORDER, LOCK_HOLD, LOCK_WAIT, IN_FLIGHT, BLOCKING_WAIT, TASK_EXECUTION, EXECUTOR_SUBMIT,
    SELF_DEADLOCK, DECLARED_LOCK_ORDER, VIRTUAL_THREAD_PINNED, SOCKET_READ, FILE_READ, THREAD_SLEEP,
    /** An event the analyzer does not use: it only counts and advances the last event time. */
    IGNORED,
    /** An event whose fields could not be read (a field of an unexpected type): counted only. */
    UNREADABLE;

    /** @return the kind of events of this type */
    static Kind of(String eventTypeName) {
      return switch (eventTypeName) {
        case "lockwatch.LockOrder" -> LOCK_ORDER;
        case "lockwatch.LockHold" -> LOCK_HOLD;
        case "lockwatch.LockWait" -> LOCK_WAIT;
        case "lockwatch.InFlight" -> IN_FLIGHT;
        case "lockwatch.BlockingWait" -> BLOCKING_WAIT;
        case "lockwatch.TaskExecution" -> TASK_EXECUTION;
        case "lockwatch.ExecutorSubmit" -> EXECUTOR_SUBMIT;
        case "lockwatch.SelfDeadlock" -> SELF_DEADLOCK;
        case "lockwatch.DeclaredLockOrder" -> DECLARED_LOCK_ORDER;
        case "jdk.VirtualThreadPinned" -> VIRTUAL_THREAD_PINNED;
        case "jdk.SocketRead" -> SOCKET_READ;
        case "jdk.FileRead" -> FILE_READ;
        case "jdk.ThreadSleep" -> THREAD_SLEEP;
        default -> IGNORED;
      };
    }
  }

  /** @return the start time, or {@code null} if it could not be read */
  public Instant time() {
    return startNanos < 0 ? null : Instant.ofEpochSecond(startSeconds, startNanos);
  }

  /**
   * @return whether the event's position in time order matters to the engine (ignored and
   *     unreadable events only count and advance the last event time)
   */
  public boolean ordered() {
    return kind != Kind.IGNORED && kind != Kind.UNREADABLE;
  }
}
