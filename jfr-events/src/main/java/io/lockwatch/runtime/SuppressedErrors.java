package io.lockwatch.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts errors caught inside Lockwatch hooks and background work; the application never sees
 * them. The first one is logged at FINE with its stack. This class is internal.
 */
public final class SuppressedErrors {
  private static final AtomicLong COUNT = new AtomicLong();
  private static volatile Throwable first;

  private SuppressedErrors() {}

  /**
   * Records a caught error; never throws.
   *
   * @param t the error, may be {@code null}
   */
  public static void record(Throwable t) {
    try {
      if (COUNT.getAndIncrement() == 0) {
        first = t;
        Logger.getLogger("io.lockwatch.runtime").log(Level.FINE, "lockwatch hook error", t);
      }
    } catch (Throwable ignored) {
      // fail open: even logging may fail (e.g. during shutdown)
    }
  }

  /**
   * Returns the number of errors recorded so far.
   *
   * @return the count
   */
  public static long count() {
    return COUNT.get();
  }

  /**
   * Returns the first error recorded, for tests and diagnostics.
   *
   * @return the first error, or {@code null}
   */
  public static Throwable first() {
    return first;
  }
}
