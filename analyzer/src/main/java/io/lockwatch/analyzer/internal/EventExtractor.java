package io.lockwatch.analyzer.internal;

import io.lockwatch.analyzer.findings.ThreadRef;
import io.lockwatch.analyzer.internal.ExtractedEvent.Kind;
import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Reads from a {@link RecordedEvent} the values the engine uses on every occurrence of it (see
 * {@link ExtractedEvent}), each field once. Every source calls it as soon as an event is parsed.
 * This class is internal.
 */
public final class EventExtractor {
  private EventExtractor() {}

  /**
   * Extracts an event's values. An event whose fields cannot be read gives kind {@link
   * Kind#UNREADABLE} (with its time if that could be read), never an exception.
   *
   * @param e the event, not {@code null}
   * @return its values
   */
  public static ExtractedEvent extract(RecordedEvent e) {
    long seconds = 0L;
    int nanos = -1;
    try {
      Instant time = e.getStartTime();
      seconds = time.getEpochSecond();
      nanos = time.getNano();
      Kind kind = Kind.of(e.getEventType().getName());
      return switch (kind) {
        case LOCK_ORDER -> new ExtractedEvent(kind, seconds, nanos, 0L, Events.eventThread(e),
            Events.stackTrace(e), Events.id(e, "acquiredLockId"),
            Events.string(e, "acquiredLockName"), Events.id(e, "heldLockId"),
            Events.string(e, "heldLockName"), Events.ids(Events.string(e, "heldLockIds")),
            "read".equals(Events.string(e, "heldMode")),
            "read".equals(Events.string(e, "acquiredMode")), null, e);
        case LOCK_HOLD -> new ExtractedEvent(kind, seconds, nanos, e.getDuration().toNanos(),
            Events.eventThread(e), Events.stackTrace(e), Events.id(e, "lockId"),
            Events.string(e, "lockName"), 0L, "", null, false, false, null, e);
        case LOCK_WAIT -> new ExtractedEvent(kind, seconds, nanos, e.getDuration().toNanos(),
            Events.eventThread(e), Events.stackTrace(e), Events.id(e, "lockId"),
            Events.string(e, "lockName"), 0L, "", Events.ids(Events.string(e, "heldLockIds")),
            false, false, null, e);
        case IN_FLIGHT -> new ExtractedEvent(kind, seconds, nanos, 0L, null, null, 0L, "", 0L, "",
            null, false, false, inFlight(e), e);
        default -> other(kind, seconds, nanos, e);
      };
    } catch (RuntimeException unreadable) {
      // A field of an unexpected type or a missing value: skip this event, keep going.
      return other(Kind.UNREADABLE, seconds, nanos, e);
    }
  }

  /** @return an event whose fields the engine reads from the event itself, if at all */
  private static ExtractedEvent other(Kind kind, long seconds, int nanos, RecordedEvent e) {
    return new ExtractedEvent(kind, seconds, nanos, 0L, null, null, 0L, "", 0L, "", null, false,
        false, null, e);
  }

  /** @return an in-flight state's fields, each read once (the snapshot id must be readable) */
  private static InFlightValues inFlight(RecordedEvent e) {
    long snapshotId = Events.id(e, "snapshotId");
    ThreadRef thread = Events.thread(e, "thread");
    int virtual = 0;
    if (thread != null) {
      try {
        virtual = e.getBoolean("virtual") ? 1 : 0;
      } catch (RuntimeException unreadable) {
        virtual = -1;
      }
    }
    return new InFlightValues(snapshotId, Events.string(e, "state"), thread, virtual,
        Events.longValue(e, "lockId"), Events.string(e, "lockName"),
        Events.longValue(e, "executorId"), Events.string(e, "executorName"),
        Events.longValue(e, "runningExecutorId"), Events.longValue(e, "age"),
        Events.string(e, "mode"), Events.thread(e, "owner"), Events.longValue(e, "waiters"),
        Events.string(e, "waitKind"), Events.string(e, "heldLockIds"),
        Events.string(e, "heldLocks"), Events.string(e, "threadStack"),
        Events.string(e, "ownerStack"));
  }
}
