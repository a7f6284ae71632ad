package io.lockwatch.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deduplicates lock-order edges, like lockdep's dependency hash: an edge (held id, held mode,
 * acquired id, acquired mode) is packed into one {@code long} and kept in an open-addressing
 * table. Lookups are lock-free plain reads, inserts a CAS. This class is internal.
 *
 * <p>Bounded: {@code -Dlockwatch.maxEdges} (default 32768) edges in a table twice that size; a new
 * edge beyond it is not recorded and is counted in {@link #dropped()}. Ids of 2^30 and above cannot
 * be packed and count as dropped too.
 */
public final class OrderEdgeCache {
  /** The edge was not known and is now recorded: commit its event. */
  static final int ADDED = 0;
  /** The edge was known. */
  static final int KNOWN = 1;
  /** The cache is full or the ids too large: the edge is counted as dropped. */
  static final int DROPPED = 2;

  private static final long MAX_ID = (1L << 30) - 1;
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

  private final long[] slots;
  private final int maxEdges;
  private final int shift;
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();

  static final OrderEdgeCache INSTANCE =
      new OrderEdgeCache(Integer.getInteger("lockwatch.maxEdges", 32768));

  OrderEdgeCache(int maxEdges) {
    int cap = Integer.highestOneBit(Math.max(8, maxEdges) - 1) << 2;
    this.slots = new long[cap];
    this.maxEdges = maxEdges;
    this.shift = 64 - Integer.numberOfTrailingZeros(cap);
  }

  /** Packs an edge; 0 if an id does not fit. */
  static long key(long heldId, int heldMode, long acquiredId, int acquiredMode) {
    if (heldId <= 0 || acquiredId <= 0 || heldId > MAX_ID || acquiredId > MAX_ID) {
      return 0;
    }
    return heldId << 34 | (long) (heldMode & 3) << 32 | acquiredId << 2 | (acquiredMode & 3);
  }

  /**
   * Records an edge.
   *
   * @param key a packed edge from {@link #key}
   * @return {@link #ADDED}, {@link #KNOWN} or {@link #DROPPED}
   */
  int add(long key) {
    if (key == 0) {
      dropped.incrementAndGet();
      return DROPPED;
    }
    int mask = slots.length - 1;
    int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    for (int n = 0; n <= mask; n++, i = (i + 1) & mask) {
      long k = slots[i];
      if (k == key) {
        return KNOWN;
      }
      if (k == 0) {
        if (size.get() >= maxEdges) {
          dropped.incrementAndGet();
          return DROPPED;
        }
        if (SLOTS.compareAndSet(slots, i, 0L, key)) {
          size.incrementAndGet();
          return ADDED;
        }
        long won = (long) SLOTS.getVolatile(slots, i);
        if (won == key) {
          return KNOWN;
        }
      }
    }
    dropped.incrementAndGet();
    return DROPPED;
  }

  /**
   * Returns the number of edges recorded.
   *
   * @return the size
   */
  public int size() {
    return size.get();
  }

  /**
   * Returns the number of edges not recorded because the cache was full.
   *
   * @return the count
   */
  public long dropped() {
    return dropped.get();
  }

  @Override
  public String toString() {
    return "OrderEdgeCache{size=" + size + ", maxEdges=" + maxEdges + ", dropped=" + dropped + "}";
  }
}
