package io.lockwatch.runtime;

import io.lockwatch.events.BlockingWaitEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.TaskExecutionEvent;
import java.lang.reflect.Field;
import jdk.jfr.Event;

/**
 * Back-dates duration events so that they span the real interval, although the runtime learns only
 * at the end that an interval passed its threshold. This class is internal.
 *
 * <p>How: JFR adds a {@code private transient long startTime} field (in JFR ticks) to every event
 * class when it instruments it, and the generated {@code commit()} computes the duration as
 * {@code now - startTime}. After {@code begin()} we read {@code startTime} by reflection and move it
 * back by the elapsed time converted to ticks. Verified on JDK 17 and 25 (the field exists on the
 * concrete event class, which is ours, so {@code setAccessible} needs no {@code --add-opens}). The
 * tick rate is calibrated against {@code System.nanoTime} over a growing baseline (refined every
 * watchdog pass). If the field is missing, events span the commit only (graceful fallback).
 */
final class EventClock {
  private static final Field HOLD_START = startTimeField(LockHoldEvent.class);
  private static final Field WAIT_START = startTimeField(LockWaitEvent.class);
  private static final Field TASK_START = startTimeField(TaskExecutionEvent.class);
  private static final Field BLOCKING_START = startTimeField(BlockingWaitEvent.class);

  private static volatile double ticksPerNano = 1.0;
  private static long baseTicks;
  private static long baseNanos;

  private EventClock() {}

  /** Whether back-dating works on this JVM. */
  static boolean available() {
    return HOLD_START != null;
  }

  /** Takes the calibration baseline; refined later by {@link #refine()}. */
  static synchronized void calibrate() {
    if (baseTicks != 0) {
      return;
    }
    long t = sampleTicks();
    if (t != 0) {
      baseTicks = t;
      baseNanos = System.nanoTime();
    }
  }

  /** Refines the tick rate over the time since the baseline. */
  static synchronized void refine() {
    if (baseTicks == 0) {
      calibrate();
      return;
    }
    long t = sampleTicks();
    long n = System.nanoTime();
    if (t != 0 && n - baseNanos > 100_000_000L) {
      ticksPerNano = (double) (t - baseTicks) / (n - baseNanos);
    }
  }

  /** Begins {@code e} and moves its start back by {@code elapsedNanos}. */
  static void beginAt(Event e, long elapsedNanos) {
    e.begin();
    Field f = fieldOf(e);
    if (f == null) {
      return;
    }
    try {
      long start = f.getLong(e);
      if (start != 0) {
        f.setLong(e, start - Math.round(elapsedNanos * ticksPerNano));
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  private static Field fieldOf(Event e) {
    if (e instanceof LockHoldEvent) {
      return HOLD_START;
    } else if (e instanceof LockWaitEvent) {
      return WAIT_START;
    } else if (e instanceof TaskExecutionEvent) {
      return TASK_START;
    } else if (e instanceof BlockingWaitEvent) {
      return BLOCKING_START;
    }
    return null;
  }

  private static long sampleTicks() {
    if (HOLD_START == null) {
      return 0;
    }
    try {
      LockHoldEvent e = new LockHoldEvent();
      e.begin();
      return HOLD_START.getLong(e);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
      return 0;
    }
  }

  private static Field startTimeField(Class<? extends Event> type) {
    try {
      Field f = type.getDeclaredField("startTime");
      if (f.getType() != long.class) {
        return null;
      }
      f.setAccessible(true);
      return f;
    } catch (Throwable t) {
      return null;
    }
  }
}
