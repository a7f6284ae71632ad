package io.lockwatch.analyzer.source;

import java.util.Arrays;

/**
 * A priority queue of items keyed by (start seconds, start nanos, arrival sequence), built for the
 * nearly sorted input of a recording: items are kept in ascending runs, and the minimum is the
 * smallest run head. An item is appended to the one of {@value #OPEN_RUNS} open runs (the most
 * recently used, not yet emptied) whose tail is the latest not after it, so that interleaved
 * ascending streams (thread buffers, events of different durations) keep a run each; failing that,
 * it is inserted into the run that received the last item when it belongs at most {@value
 * #MAX_SHIFT} places before its tail (and after its head); only then does it start a new run. It
 * returns exactly what a binary heap over the same keys returns (every run is sorted by the whole
 * key, and the keys are unique), but such input costs an append or a short shift and a removal per
 * item instead of two sifts through a large heap, whose comparisons touch items far apart in
 * memory. Not thread-safe.
 *
 * @param <T> the items
 */
final class ReorderWindow<T> {
  /** How far before a run's tail an item may be inserted. */
  static final int MAX_SHIFT = 64;
  /** How many runs may receive appended items. */
  static final int OPEN_RUNS = 8;
  /** How many emptied runs are kept for reuse, and the largest capacity kept. */
  private static final int SPARE_RUNS = 8;
  private static final int SPARE_CAPACITY = 1024;

  /**
   * Runs by head key, a binary min-heap; each run's head key is kept beside it in the parallel
   * arrays, so that sifting compares within a few contiguous arrays instead of reaching into runs.
   */
  private Run<T>[] heap;
  private long[] headSeconds;
  private int[] headNanos;
  private long[] headSeqs;
  private int runs;
  /** The run that received the last item, or {@code null}. */
  private Run<T> last;
  /** Runs that may receive appended items; a new run replaces an empty one or the least used. */
  private final Run<T>[] open;
  /** Emptied runs kept for reuse (input that keeps starting runs would otherwise allocate). */
  private final Run<T>[] spare;
  private int spares;
  private int size;
  private long seq;

  @SuppressWarnings("unchecked")
  ReorderWindow() {
    heap = new Run[8];
    open = new Run[OPEN_RUNS];
    spare = new Run[SPARE_RUNS];
    headSeconds = new long[8];
    headNanos = new int[8];
    headSeqs = new long[8];
  }

  /** @return the items held */
  int size() {
    return size;
  }

  /** Adds an item with its start time; ties are broken by arrival order. */
  void add(T item, long seconds, int nanos) {
    long s = seq++;
    Run<T> r = bestOpenRun(seconds, nanos);
    if (r != null) {
      r.addLast(item, seconds, nanos, s);
      r.lastUsed = s;
      last = r;
    } else if (last != null && last.size > 0 && last.insertNearTail(item, seconds, nanos, s)) {
      // inserted behind the run's head: its key in the heap is unchanged
    } else {
      if (spares > 0) {
        r = spare[--spares];
        spare[spares] = null;
      } else {
        r = new Run<>();
      }
      r.addLast(item, seconds, nanos, s);
      push(r);
      r.lastUsed = s;
      open[replaceableOpenRun()] = r;
      last = r;
    }
    size++;
  }

  /** @return the slot of an empty open run, else of the least recently used one */
  private int replaceableOpenRun() {
    int slot = 0;
    for (int k = 0; k < OPEN_RUNS; k++) {
      Run<T> r = open[k];
      if (r == null || r.size == 0) {
        return k;
      }
      if (r.lastUsed < open[slot].lastUsed) {
        slot = k;
      }
    }
    return slot;
  }

  /** @return the open run whose tail is the latest not after (seconds, nanos), or {@code null} */
  private Run<T> bestOpenRun(long seconds, int nanos) {
    Run<T> best = null;
    for (Run<T> r : open) {
      // An empty run has left the heap: it takes nothing more.
      if (r != null && r.size > 0 && !r.tailAfter(seconds, nanos)
          && (best == null || r.tailAfter(best.tailSeconds, best.tailNanos))) {
        best = r;
      }
    }
    return best;
  }

  /** @return the earliest item, removed, or {@code null} if empty */
  T poll() {
    if (runs == 0) {
      return null;
    }
    Run<T> r = heap[0];
    T item = r.pollFirst();
    size--;
    if (r.size == 0) {
      if (r == last) {
        last = null;
      }
      recycle(r);
      int end = --runs;
      Run<T> moved = heap[end];
      heap[end] = null;
      if (runs > 0) {
        siftDown(0, moved, headSeconds[end], headNanos[end], headSeqs[end]);
      }
    } else {
      siftDown(0, r, r.headSeconds(), r.headNanos(), r.headSeq());
    }
    return item;
  }

  /** Keeps an emptied run for reuse, unless enough are kept or it grew large. */
  private void recycle(Run<T> r) {
    for (int k = 0; k < OPEN_RUNS; k++) {
      if (open[k] == r) {
        open[k] = null;
      }
    }
    if (spares < SPARE_RUNS && r.capacity() <= SPARE_CAPACITY) {
      r.reset();
      spare[spares++] = r;
    }
  }

  private void push(Run<T> r) {
    if (runs == heap.length) {
      heap = Arrays.copyOf(heap, runs * 2);
      headSeconds = Arrays.copyOf(headSeconds, runs * 2);
      headNanos = Arrays.copyOf(headNanos, runs * 2);
      headSeqs = Arrays.copyOf(headSeqs, runs * 2);
    }
    long s = r.headSeconds();
    int n = r.headNanos();
    long q = r.headSeq();
    int k = runs++;
    while (k > 0) {
      int parent = (k - 1) >>> 1;
      if (!after(parent, s, n, q)) {
        break;
      }
      set(k, heap[parent], headSeconds[parent], headNanos[parent], headSeqs[parent]);
      k = parent;
    }
    set(k, r, s, n, q);
  }

  /** Places run {@code r} with head key (s, n, q) at {@code k} or below. */
  private void siftDown(int k, Run<T> r, long s, int n, long q) {
    int half = runs >>> 1;
    while (k < half) {
      int child = 2 * k + 1;
      int right = child + 1;
      if (right < runs && after(child, headSeconds[right], headNanos[right], headSeqs[right])) {
        child = right;
      }
      if (after(child, s, n, q)) {
        break;
      }
      set(k, heap[child], headSeconds[child], headNanos[child], headSeqs[child]);
      k = child;
    }
    set(k, r, s, n, q);
  }

  /** Whether the head key at heap position {@code k} comes after (s, n, q). */
  private boolean after(int k, long s, int n, long q) {
    long s1 = headSeconds[k];
    if (s1 != s) {
      return s1 > s;
    }
    int n1 = headNanos[k];
    if (n1 != n) {
      return n1 > n;
    }
    return headSeqs[k] > q;
  }

  private void set(int k, Run<T> r, long s, int n, long q) {
    heap[k] = r;
    headSeconds[k] = s;
    headNanos[k] = n;
    headSeqs[k] = q;
  }

  /** An ascending run: a ring buffer of items with their keys inline. */
  private static final class Run<T> {
    private Object[] items = new Object[16];
    private long[] seconds = new long[16];
    private int[] nanos = new int[16];
    private long[] seqs = new long[16];
    private int head;
    private int size;
    private long tailSeconds;
    private int tailNanos;
    /** The sequence number of the last item appended, or of its first. */
    private long lastUsed;

    int capacity() {
      return items.length;
    }

    /** Makes an emptied run ready for reuse (its items were cleared as they were polled). */
    void reset() {
      head = 0;
      size = 0;
    }

    boolean tailAfter(long s, int n) {
      return tailSeconds > s || (tailSeconds == s && tailNanos > n);
    }

    long headSeconds() {
      return seconds[head];
    }

    int headNanos() {
      return nanos[head];
    }

    long headSeq() {
      return seqs[head];
    }

    void addLast(T item, long s, int n, long sq) {
      if (size == items.length) {
        grow();
      }
      int i = (head + size) & (items.length - 1);
      items[i] = item;
      seconds[i] = s;
      nanos[i] = n;
      seqs[i] = sq;
      size++;
      tailSeconds = s;
      tailNanos = n;
    }

    /**
     * Inserts an item that belongs at most {@link #MAX_SHIFT} places before the tail and after the
     * head (its sequence number is the largest, so it goes after every item with its time).
     *
     * @return whether it was inserted; if not, the run is unchanged
     */
    boolean insertNearTail(T item, long s, int n, long sq) {
      int mask = items.length - 1;
      int j = size - 1; // logical index of the last item that comes after the new one
      while (j > 0 && size - j < MAX_SHIFT) {
        int p = (head + j - 1) & mask;
        if (seconds[p] < s || (seconds[p] == s && nanos[p] <= n)) {
          break;
        }
        j--;
      }
      int before = (head + j - 1) & mask;
      if (j == 0 || seconds[before] > s || (seconds[before] == s && nanos[before] > n)) {
        return false; // it would become the head, or belongs further back
      }
      if (size == items.length) {
        grow();
        mask = items.length - 1;
      }
      for (int k = size; k > j; k--) {
        int to = (head + k) & mask;
        int from = (head + k - 1) & mask;
        items[to] = items[from];
        seconds[to] = seconds[from];
        nanos[to] = nanos[from];
        seqs[to] = seqs[from];
      }
      int i = (head + j) & mask;
      items[i] = item;
      seconds[i] = s;
      nanos[i] = n;
      seqs[i] = sq;
      size++;
      return true;
    }

    @SuppressWarnings("unchecked")
    T pollFirst() {
      T item = (T) items[head];
      items[head] = null;
      head = (head + 1) & (items.length - 1);
      size--;
      return item;
    }

    private void grow() {
      int n = items.length;
      Object[] ni = new Object[n * 2];
      long[] ns = new long[n * 2];
      int[] nn = new int[n * 2];
      long[] nq = new long[n * 2];
      for (int k = 0; k < size; k++) {
        int i = (head + k) & (n - 1);
        ni[k] = items[i];
        ns[k] = seconds[i];
        nn[k] = nanos[i];
        nq[k] = seqs[i];
      }
      items = ni;
      seconds = ns;
      nanos = nn;
      seqs = nq;
      head = 0;
    }
  }
}
