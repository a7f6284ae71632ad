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
  // The fields read from each frequent kind, by index in these layouts.
  private static final FieldReader.Layout ORDER = new FieldReader.Layout("eventThread",
      "stackTrace", "acquiredLockId", "acquiredLockName", "heldLockId", "heldLockName",
      "heldLockIds", "heldMode", "acquiredMode", "acquiredLockClass", "heldLockClass");
  private static final FieldReader.Layout HOLD = new FieldReader.Layout("eventThread",
      "stackTrace", "lockId", "lockName", "lockClass", "mode", "waitersAtRelease");
  private static final FieldReader.Layout WAIT = new FieldReader.Layout("eventThread",
      "stackTrace", "lockId", "lockName", "lockClass", "mode", "heldLockIds");
  private static final FieldReader.Layout IN_FLIGHT = new FieldReader.Layout("snapshotId", "state",
      "thread", "virtual", "lockId", "lockName", "executorId", "executorName",
      "runningExecutorId", "age", "mode", "owner", "waiters", "waitKind", "heldLockIds",
      "heldLocks", "threadStack", "ownerStack", "lockClass");

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
        case LOCK_ORDER -> order(e, seconds, nanos);
        case LOCK_HOLD -> hold(e, seconds, nanos);
        case LOCK_WAIT -> lockWait(e, seconds, nanos);
        case IN_FLIGHT -> inFlight(e, seconds, nanos);
        default -> other(kind, seconds, nanos, e);
      };
    } catch (RuntimeException unreadable) {
      // A field of an unexpected type or a missing value: skip this event, keep going.
      return other(Kind.UNREADABLE, seconds, nanos, e);
    }
  }

  private static ExtractedEvent order(RecordedEvent e, long seconds, int nanos) {
    FieldReader r = FieldReader.bind(e, ORDER);
    return new ExtractedEvent(Kind.LOCK_ORDER, seconds, nanos, 0L, r.eventThread(0),
        r.stackTrace(1), r.id(2), r.string(3), r.id(4), r.string(5), Events.ids(r.string(6)),
        "read".equals(r.string(7)), "read".equals(r.string(8)), r.recordedClass(9),
        r.recordedClass(10), 0L, null, null);
  }

  private static ExtractedEvent hold(RecordedEvent e, long seconds, int nanos) {
    long duration = e.getDuration().toNanos();
    FieldReader r = FieldReader.bind(e, HOLD);
    return new ExtractedEvent(Kind.LOCK_HOLD, seconds, nanos, duration, r.eventThread(0),
        r.stackTrace(1), r.id(2), r.string(3), 0L, "", null, false, "read".equals(r.string(5)),
        r.recordedClass(4), null, r.longValue(6), null, null);
  }

  private static ExtractedEvent lockWait(RecordedEvent e, long seconds, int nanos) {
    long duration = e.getDuration().toNanos();
    FieldReader r = FieldReader.bind(e, WAIT);
    return new ExtractedEvent(Kind.LOCK_WAIT, seconds, nanos, duration, r.eventThread(0),
        r.stackTrace(1), r.id(2), r.string(3), 0L, "", Events.ids(r.string(6)), false,
        "read".equals(r.string(5)), r.recordedClass(4), null, 0L, null, null);
  }

  /** @return an event whose fields the engine reads from the event itself, if at all */
  private static ExtractedEvent other(Kind kind, long seconds, int nanos, RecordedEvent e) {
    return new ExtractedEvent(kind, seconds, nanos, 0L, null, null, 0L, "", 0L, "", null, false,
        false, null, null, 0L, null, e);
  }

  /** @return an in-flight state's fields, each read once (the snapshot id must be readable) */
  private static ExtractedEvent inFlight(RecordedEvent e, long seconds, int nanos) {
    FieldReader r = FieldReader.bind(e, IN_FLIGHT);
    long snapshotId = r.id(0);
    ThreadRef thread = r.thread(2);
    int virtual = 0;
    if (thread != null) {
      try {
        virtual = r.bool(3) ? 1 : 0;
      } catch (RuntimeException unreadable) {
        virtual = -1;
      }
    }
    InFlightValues v = new InFlightValues(snapshotId, r.string(1), thread, virtual,
        r.longValue(4), r.string(5), r.longValue(6), r.string(7), r.longValue(8),
        r.longValue(9), r.string(10), r.thread(11), r.longValue(12), r.string(13),
        r.string(14), r.string(15), r.string(16), r.string(17));
    return new ExtractedEvent(Kind.IN_FLIGHT, seconds, nanos, 0L, null, null, 0L, "", 0L, "",
        null, false, false, r.recordedClass(18), null, 0L, v, null);
  }
}
