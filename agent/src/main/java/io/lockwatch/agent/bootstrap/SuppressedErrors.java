package io.lockwatch.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts errors that hooks and advice swallowed so that the application runs on; tests and the
 * agent's health report read the count. This class is internal.
 */
public final class SuppressedErrors {
  private static final AtomicLong COUNT = new AtomicLong();
  // Deliberately not volatile: the first error wins, a racing second one is just counted.
  private static Throwable first;

  private SuppressedErrors() {}

  /**
   * Records a swallowed error. Never throws, never logs (it may run inside a transformer or a
   * lock's slow path).
   *
   * @param t the error
   */
  public static void record(Throwable t) {
    COUNT.incrementAndGet();
    if (first == null) {
      first = t;
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
   * Returns the first error recorded, or {@code null}.
   *
   * @return the first error, or {@code null}
   */
  public static Throwable first() {
    return first;
  }
}
