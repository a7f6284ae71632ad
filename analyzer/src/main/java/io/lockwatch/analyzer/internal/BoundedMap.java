package io.lockwatch.analyzer.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used map that evicts its eldest entry past a capacity. Not thread-safe. This
 * class is internal.
 */
public final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
  private static final long serialVersionUID = 1L;
  private final int capacity;
  private long evicted;

  /** @param capacity the most entries kept, positive */
  public BoundedMap(int capacity) {
    super(16, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    if (size() > capacity) {
      evicted++;
      return true;
    }
    return false;
  }

  /** @return how many entries were evicted */
  public long evicted() {
    return evicted;
  }

  /** @return the capacity */
  public int capacity() {
    return capacity;
  }
}
