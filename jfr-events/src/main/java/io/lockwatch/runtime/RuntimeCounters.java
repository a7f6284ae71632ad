package io.lockwatch.runtime;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the runtime's own anomalies, reported by the health event. This class is internal. */
final class RuntimeCounters {
  /** Releases of a lock the releasing thread was not known to hold. */
  static final LongAdder UNMATCHED_RELEASES = new LongAdder();

  private RuntimeCounters() {}
}
