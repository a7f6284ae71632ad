package io.lockwatch.otel.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints at most one line a minute to stderr for a recurring error, with the count suppressed in
 * between; never a stack trace per occurrence.
 *
 * <p>This class is internal and is not intended for public use.
 */
final class ThrottledErrorLog {
  private static final long INTERVAL_NANOS = 60_000_000_000L;

  private final String prefix;
  private final AtomicLong suppressed = new AtomicLong();
  private volatile long nextNanos = System.nanoTime();

  ThrottledErrorLog(String prefix) {
    this.prefix = prefix;
  }

  void log(String what, Throwable t) {
    long now = System.nanoTime();
    if (now - nextNanos < 0) {
      suppressed.incrementAndGet();
      return;
    }
    // benign race: two threads may both print once at the boundary
    nextNanos = now + INTERVAL_NANOS;
    long skipped = suppressed.getAndSet(0);
    System.err.println("WARN " + prefix + ": " + what + ": " + t
        + (skipped > 0 ? " (" + skipped + " similar errors suppressed)" : ""));
  }
}
