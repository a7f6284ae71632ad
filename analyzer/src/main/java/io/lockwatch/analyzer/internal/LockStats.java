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

  private final BoundedMap<String, long[]> nanos = new BoundedMap<>(MAX_KEYS);

  /** Adds measured wait or hold time to a lock. */
  public void add(String key, long durationNanos) {
    if (key == null || durationNanos <= 0) {
      return;
    }
    long[] v = nanos.get(key);
    if (v == null) {
      v = new long[1];
      nanos.put(key, v);
    }
    v[0] += durationNanos;
  }

  /** @return total measured nanoseconds on these keys */
  public long weight(List<String> keys) {
    long w = 0;
    for (String k : keys) {
      long[] v = nanos.get(k);
      if (v != null) {
        w += v[0];
      }
    }
    return w;
  }

  /** @return keys retained */
  public int size() {
    return nanos.size();
  }
}
