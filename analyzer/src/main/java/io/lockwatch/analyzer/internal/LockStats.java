package io.lockwatch.analyzer.internal;

import java.util.List;

/**
 * Measured wait and hold nanoseconds per stable lock key, from LockWait and LockHold events, used to
 * rank findings so that a hot cycle is seen first. Bounded to {@link #MAX_KEYS}. This class is
 * internal.
 */
public final class LockStats {
  /** Most lock keys with statistics. */
  public static final int MAX_KEYS = 65_536;

  private final RecencyIndex<long[]> nanos = new RecencyIndex<>(MAX_KEYS);

  /** Adds measured wait or hold time to a lock's finding key. */
  public void add(LockInfo lock, long durationNanos) {
    if (durationNanos <= 0) {
      return;
    }
    // The lock keeps its key's entry (dropped when its key changes): no lookup by key.
    RecencyIndex.Entry<long[]> e = nanos.get(lock.findingKey(), lock.statsEntry);
    if (e == null) {
      e = nanos.put(lock.findingKey(), new long[1]);
    }
    lock.statsEntry = e;
    e.value[0] += durationNanos;
  }

  /** @return total measured nanoseconds on these keys */
  public long weight(List<String> keys) {
    long w = 0;
    for (String k : keys) {
      RecencyIndex.Entry<long[]> v = nanos.get(k);
      if (v != null) {
        w += v.value[0];
      }
    }
    return w;
  }

  /** @return keys retained */
  public int size() {
    return nanos.size();
  }
}
