package io.lockwatch.analyzer.internal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A least-recently-used map on primitive {@code long} keys that evicts its eldest entry past a
 * capacity: the same semantics as {@link BoundedMap} (an access-ordered {@code LinkedHashMap}: a
 * get or put of a key makes it the most recent, an insertion past the capacity evicts the least
 * recent), without boxing the keys or allocating an entry object per key. Entries live in parallel
 * arrays, chained per hash bucket and linked in recency order by index. Not thread-safe. This class
 * is internal.
 *
 * @param <V> the values
 */
public final class LongLruMap<V> {
  private static final int NONE = -1;

  private final int capacity;
  private long[] keys;
  private Object[] values;
  /** Next entry in the same bucket, or the next free entry. */
  private int[] chain;
  private int[] older;
  private int[] newer;
  private int[] buckets;
  private int shift;
  private int eldest = NONE;
  private int youngest = NONE;
  private int free = NONE;
  private int used;
  private int size;
  private long evicted;

  /** @param capacity the most entries kept, positive */
  public LongLruMap(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.capacity = capacity;
    allocate(16);
  }

  /** @return the value of the key, made most recent, or {@code null} */
  @SuppressWarnings("unchecked")
  public V get(long key) {
    int i = find(key);
    if (i == NONE) {
      return null;
    }
    touch(i);
    return (V) values[i];
  }

  /** Maps the key to the value and makes it most recent; evicts the least recent past capacity. */
  public void put(long key, V value) {
    int i = find(key);
    if (i != NONE) {
      values[i] = value;
      touch(i);
      return;
    }
    if (free == NONE && used == keys.length) {
      grow();
    }
    if (free != NONE) {
      i = free;
      free = chain[i];
    } else {
      i = used++;
    }
    keys[i] = key;
    values[i] = value;
    int b = bucket(key);
    chain[i] = buckets[b];
    buckets[b] = i;
    linkYoungest(i);
    size++;
    if (size > capacity) {
      remove(eldest);
      evicted++;
    }
  }

  /** Calls the action with every value, least recent first, without changing recency. */
  @SuppressWarnings("unchecked")
  public void forEachValue(Consumer<? super V> action) {
    for (int i = eldest; i != NONE; i = newer[i]) {
      action.accept((V) values[i]);
    }
  }

  /**
   * @return the least recent value whose predicate holds, without changing recency, or {@code null}
   */
  @SuppressWarnings("unchecked")
  public V findEldest(java.util.function.Predicate<? super V> test) {
    for (int i = eldest; i != NONE; i = newer[i]) {
      V v = (V) values[i];
      if (test.test(v)) {
        return v;
      }
    }
    return null;
  }

  /** @return entries held */
  public int size() {
    return size;
  }

  /** @return whether no entry is held */
  public boolean isEmpty() {
    return size == 0;
  }

  /** @return how many entries were evicted */
  public long evicted() {
    return evicted;
  }

  /** @return the capacity */
  public int capacity() {
    return capacity;
  }

  private int find(long key) {
    for (int i = buckets[bucket(key)]; i != NONE; i = chain[i]) {
      if (keys[i] == key) {
        return i;
      }
    }
    return NONE;
  }

  private int bucket(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }

  private void touch(int i) {
    if (i != youngest) {
      unlink(i);
      linkYoungest(i);
    }
  }

  private void unlink(int i) {
    int o = older[i];
    int n = newer[i];
    if (o != NONE) {
      newer[o] = n;
    } else {
      eldest = n;
    }
    if (n != NONE) {
      older[n] = o;
    } else {
      youngest = o;
    }
  }

  private void linkYoungest(int i) {
    older[i] = youngest;
    newer[i] = NONE;
    if (youngest != NONE) {
      newer[youngest] = i;
    } else {
      eldest = i;
    }
    youngest = i;
  }

  private void remove(int i) {
    int b = bucket(keys[i]);
    if (buckets[b] == i) {
      buckets[b] = chain[i];
    } else {
      int p = buckets[b];
      while (chain[p] != i) {
        p = chain[p];
      }
      chain[p] = chain[i];
    }
    unlink(i);
    values[i] = null;
    chain[i] = free;
    free = i;
    size--;
  }

  private void allocate(int entries) {
    keys = new long[entries];
    values = new Object[entries];
    chain = new int[entries];
    older = new int[entries];
    newer = new int[entries];
    int tableBits = 32 - Integer.numberOfLeadingZeros(entries * 2 - 1);
    buckets = new int[1 << tableBits];
    Arrays.fill(buckets, NONE);
    shift = 64 - tableBits;
  }

  /** Doubles the entry arrays (up to capacity + 1) and rehashes, keeping indices and links. */
  private void grow() {
    int n = Math.min(keys.length * 2, capacity + 1);
    if (n <= keys.length) {
      n = keys.length + 1; // never reached: at most capacity + 1 entries exist at once
    }
    long[] k = keys;
    Object[] v = values;
    int[] o = older;
    int[] nw = newer;
    int count = used;
    allocate(n);
    System.arraycopy(k, 0, keys, 0, count);
    System.arraycopy(v, 0, values, 0, count);
    System.arraycopy(o, 0, older, 0, count);
    System.arraycopy(nw, 0, newer, 0, count);
    // No free entries when growing (free == NONE): every index below count is live.
    for (int i = 0; i < count; i++) {
      int b = bucket(keys[i]);
      chain[i] = buckets[b];
      buckets[b] = i;
    }
  }

  @Override
  public String toString() {
    return "LongLruMap{" + size + "/" + capacity + "}";
  }
}
