package io.lockwatch.runtime;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded identity map with weak keys: lock-free lookups, inserts serialized by a spin flag.
 * This class is internal.
 *
 * <p>Design: open addressing with linear probing over {@link System#identityHashCode}. An entry is
 * a {@link WeakReference} to its key, so the table never keeps a key alive. A cleared entry is a
 * tombstone: lookups probe past it, and the next rebuild (at 3/4 occupancy, triggered by an insert)
 * drops it. At most {@code maxSize} live entries; beyond that inserts are dropped and counted.
 * Lookups read a table published through a volatile field; an insert racing with a rebuild may be
 * missed by a concurrent lookup, which then falls back to {@link #getOrCreate} and re-checks under
 * the flag. The spin flag is not a {@code java.util.concurrent} lock on purpose: instrumented
 * locks must never be taken by hooks.
 *
 * @param <E> the entry type
 */
final class WeakIdentityTable<E extends WeakIdentityTable.Entry> {
  private final int maxSize;
  private final AtomicBoolean writing = new AtomicBoolean();
  private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
  private final AtomicLong dropped = new AtomicLong();
  private volatile AtomicReferenceArray<E> table;
  private int used;
  private volatile int live;

  WeakIdentityTable(int maxSize) {
    this.maxSize = maxSize;
    this.table = new AtomicReferenceArray<>(16);
  }

  E get(Object key) {
    int h = System.identityHashCode(key);
    AtomicReferenceArray<E> t = table;
    int mask = t.length() - 1;
    for (int i = h & mask, n = 0; n <= mask; i = (i + 1) & mask, n++) {
      E e = t.get(i);
      if (e == null) {
        return null;
      }
      if (e.hash == h && e.get() == key) {
        return e;
      }
    }
    return null;
  }

  /**
   * Returns the entry of {@code key}, creating it with {@code factory}.
   *
   * @return the entry, or {@code null} if the table is full (counted in {@link #dropped()})
   */
  E getOrCreate(Object key, Factory<E> factory) {
    E e = get(key);
    if (e != null) {
      return e;
    }
    lock();
    try {
      e = get(key);
      if (e != null) {
        return e;
      }
      expunge();
      if (live >= maxSize) {
        dropped.incrementAndGet();
        return null;
      }
      AtomicReferenceArray<E> t = table;
      if ((used + 1) * 4 > t.length() * 3) {
        t = rebuild(t);
      }
      int h = System.identityHashCode(key);
      E created = factory.create(key, h, queue);
      int mask = t.length() - 1;
      int i = h & mask;
      while (t.get(i) != null) {
        i = (i + 1) & mask;
      }
      t.set(i, created);
      used++;
      live++;
      return created;
    } finally {
      writing.set(false);
    }
  }

  /** Removes the entry of {@code key} (it becomes a tombstone). */
  void remove(Object key) {
    E e = get(key);
    if (e == null) {
      return;
    }
    lock();
    try {
      if (e.get() == key && !e.removed) {
        e.removed = true;
        e.clear();
        live--;
      }
    } finally {
      writing.set(false);
    }
  }

  /** Accounts for entries whose keys were collected; called on inserts and by the watchdog. */
  void purge() {
    lock();
    try {
      expunge();
    } finally {
      writing.set(false);
    }
  }

  int size() {
    return live;
  }

  long dropped() {
    return dropped.get();
  }

  /** Visits every live entry (racy snapshot). */
  void forEach(java.util.function.Consumer<E> action) {
    AtomicReferenceArray<E> t = table;
    for (int i = 0; i < t.length(); i++) {
      E e = t.get(i);
      if (e != null && e.get() != null) {
        action.accept(e);
      }
    }
  }

  private void expunge() {
    Reference<?> r;
    while ((r = queue.poll()) != null) {
      if (r instanceof Entry && !((Entry) r).removed) {
        ((Entry) r).removed = true;
        live--;
      }
    }
  }

  private AtomicReferenceArray<E> rebuild(AtomicReferenceArray<E> old) {
    int liveNow = 0;
    for (int i = 0; i < old.length(); i++) {
      E e = old.get(i);
      if (e != null && e.get() != null) {
        liveNow++;
      }
    }
    int cap = 16;
    while (cap * 3 < (liveNow + 1) * 4 * 2) {
      cap <<= 1;
    }
    AtomicReferenceArray<E> t = new AtomicReferenceArray<>(cap);
    int mask = cap - 1;
    for (int i = 0; i < old.length(); i++) {
      E e = old.get(i);
      if (e != null && e.get() != null) {
        int j = e.hash & mask;
        while (t.get(j) != null) {
          j = (j + 1) & mask;
        }
        t.set(j, e);
      }
    }
    used = liveNow;
    table = t;
    return t;
  }

  private void lock() {
    while (!writing.compareAndSet(false, true)) {
      Thread.onSpinWait();
    }
  }

  @Override
  public String toString() {
    return "WeakIdentityTable{live=" + live + ", maxSize=" + maxSize + ", dropped=" + dropped + "}";
  }

  /** Creates an entry for a key. */
  interface Factory<E> {
    E create(Object key, int hash, ReferenceQueue<Object> queue);
  }

  /** A table entry: a weak reference to the key plus its identity hash. */
  static class Entry extends WeakReference<Object> {
    final int hash;
    /** Set once the entry was subtracted from the live count (cleared by GC or removed). */
    boolean removed;

    Entry(Object key, int hash, ReferenceQueue<Object> queue) {
      super(key, queue);
      this.hash = hash;
    }
  }
}
