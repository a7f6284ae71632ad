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
 * edge beyond it is not recorded and is counted in {@link #dropped()}. A full table is not the end
 * of learning: the watchdog {@linkplain #renewIfFull renews} it (forgets every edge) at most once per
 * {@code -Dlockwatch.edgeRenewSeconds} (default 10), so an application that churns short-lived locks
 * cannot fill it with edges of dead locks for good; an edge seen again after a renewal is recorded
 * again (the analyzer deduplicates). Ids too large to pack (2^30 and above) are hashed into the
 * key: two different edges sharing a key is possible but about as likely as a 64-bit collision.
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
  private final AtomicLong renewals = new AtomicLong();
  private final long renewIntervalNanos;
  private long lastRenewNanos = System.nanoTime();

  static final OrderEdgeCache INSTANCE =
      new OrderEdgeCache(Integer.getInteger("lockwatch.maxEdges", 32768),
          Long.getLong("lockwatch.edgeRenewSeconds", 10) * 1_000_000_000L);

  OrderEdgeCache(int maxEdges) {
    this(maxEdges, 10_000_000_000L);
  }

  OrderEdgeCache(int maxEdges, long renewIntervalNanos) {
    this.renewIntervalNanos = Math.max(0, renewIntervalNanos);
    int cap = Integer.highestOneBit(Math.max(8, maxEdges) - 1) << 2;
    this.slots = new long[cap];
    this.maxEdges = maxEdges;
    this.shift = 64 - Integer.numberOfTrailingZeros(cap);
  }

  /** Packs an edge (hashes it when an id is too large to pack); 0 if an id is unknown. */
  static long key(long heldId, int heldMode, long acquiredId, int acquiredMode) {
    if (heldId <= 0 || acquiredId <= 0) {
      return 0;
    }
    if (heldId > MAX_ID || acquiredId > MAX_ID) {
      long h = mix(mix(heldId) ^ acquiredId) ^ ((heldMode & 3) << 2 | (acquiredMode & 3));
      return h == 0 ? 1 : h;
    }
    return heldId << 34 | (long) (heldMode & 3) << 32 | acquiredId << 2 | (acquiredMode & 3);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
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
   * Forgets every edge if the table is full and the last renewal is at least the renewal interval
   * old. Called by the watchdog only. An insert racing with the renewal may be lost (the edge is
   * then recorded again later) or survive it (the size is recounted afterwards).
   *
   * @param nowNanos {@link System#nanoTime()}
   * @return whether it renewed
   */
  boolean renewIfFull(long nowNanos) {
    if (size.get() < maxEdges || nowNanos - lastRenewNanos < renewIntervalNanos) {
      return false;
    }
    lastRenewNanos = nowNanos;
    size.set(0);
    int left = 0;
    for (int i = 0; i < slots.length; i++) {
      if (!SLOTS.compareAndSet(slots, i, (long) SLOTS.getVolatile(slots, i), 0L)) {
        left++; // changed under us: a racing insert keeps its slot
      }
    }
    size.addAndGet(left);
    renewals.incrementAndGet();
    return true;
  }

  /**
   * Returns how many times the full table was renewed.
   *
   * @return the count
   */
  public long renewals() {
    return renewals.get();
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
    return "OrderEdgeCache{size=" + size + ", maxEdges=" + maxEdges + ", dropped=" + dropped
        + ", renewals=" + renewals + "}";
  }
}
