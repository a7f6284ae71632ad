package io.lockwatch.analyzer.internal;

import java.util.HashMap;

/**
 * String-keyed entries in recency order, like an access-ordered {@code LinkedHashMap} (a lookup or
 * put makes the entry the most recent; past the capacity the least recent entry is evicted) with
 * one relaxation: an entry made most recent within the last {@code size / 2} lookups and puts
 * stays where it is (see {@link #touch}), so an entry touched that recently is never evicted, and
 * the others are evicted least recent first. Entries may be held by callers: touching a held entry
 * that was not removed is the same as looking its key up, without the hash lookup. Not
 * thread-safe. This class is internal.
 *
 * @param <V> the values
 */
public final class RecencyIndex<V> {
  private final HashMap<String, Entry<V>> map = new HashMap<>(1024);
  private final int capacity;
  private Entry<V> eldest;
  private Entry<V> youngest;
  /** Counts touches and insertions: an entry's stamp is the count when it was last moved. */
  private long clock;

  /** @param capacity the most entries kept before the least recent is evicted on a put */
  public RecencyIndex(int capacity) {
    this.capacity = capacity;
  }

  /** @return the key's entry, made most recent, or {@code null} */
  public Entry<V> get(String key) {
    Entry<V> e = map.get(key);
    if (e != null) {
      touch(e);
    }
    return e;
  }

  /**
   * @param held an entry the caller kept for this key, or {@code null}
   * @return the key's entry, made most recent, or {@code null}: as {@link #get}
   */
  public Entry<V> get(String key, Entry<V> held) {
    if (held != null && !held.removed) {
      touch(held);
      return held;
    }
    return get(key);
  }

  /** Maps the key to the value, made most recent; evicts the least recent past the capacity. */
  public Entry<V> put(String key, V value) {
    Entry<V> e = map.get(key);
    if (e != null) {
      e.value = value;
      touch(e);
      return e;
    }
    e = new Entry<>(key, value);
    e.stamp = ++clock;
    map.put(key, e);
    linkYoungest(e);
    if (map.size() > capacity) {
      remove(eldest);
    }
    return e;
  }

  /**
   * Makes a live entry the most recent, unless it was made so recently enough that it is still in
   * the younger half of the index: each later touch or insertion has put at most one entry before
   * it. Moving an entry rewrites links in its two neighbours, which are rarely in the CPU caches;
   * leaving a recently used one where it is keeps the eviction guarantee (an entry touched within
   * the last {@code size / 2} touches and insertions is never the least recent) at a fraction of
   * the cost when the same entries are touched again and again.
   */
  public void touch(Entry<V> e) {
    long now = ++clock;
    if (now - e.stamp <= (map.size() >> 1)) {
      return;
    }
    e.stamp = now;
    if (e != youngest) {
      unlink(e);
      linkYoungest(e);
    }
  }

  /** Removes a live entry. */
  public void remove(Entry<V> e) {
    map.remove(e.key);
    unlink(e);
    e.removed = true;
  }

  private void unlink(Entry<V> e) {
    Entry<V> o = e.older;
    Entry<V> n = e.newer;
    if (o != null) {
      o.newer = n;
    } else {
      eldest = n;
    }
    if (n != null) {
      n.older = o;
    } else {
      youngest = o;
    }
    e.older = null;
    e.newer = null;
  }

  private void linkYoungest(Entry<V> e) {
    e.older = youngest;
    if (youngest != null) {
      youngest.newer = e;
    } else {
      eldest = e;
    }
    youngest = e;
  }

  /** @return the least recent entry, or {@code null} */
  public Entry<V> eldest() {
    return eldest;
  }

  /** @return entries held */
  public int size() {
    return map.size();
  }

  /** One key's entry, marked removed once it left the index (a new entry may replace it). */
  public static final class Entry<V> {
    /** The key. */
    public final String key;
    /** The value. */
    public V value;
    Entry<V> older;
    Entry<V> newer;
    long stamp;
    boolean removed;

    Entry(String key, V value) {
      this.key = key;
      this.value = value;
    }

    /** @return the next more recent entry, or {@code null} */
    public Entry<V> newer() {
      return newer;
    }
  }
}
