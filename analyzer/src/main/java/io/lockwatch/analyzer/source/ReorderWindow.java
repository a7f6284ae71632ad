package io.lockwatch.analyzer.source;

import java.util.Arrays;

/**
 * A priority queue of items keyed by (start seconds, start nanos, arrival sequence), built for the
 * nearly sorted input of a recording: items are kept in ascending runs (a new run starts only when
 * an item is earlier than the last one added), and the minimum is the smallest run head. It returns
 * exactly what a binary heap over the same keys returns, but input already in time order (one thread
 * buffer after another) costs an append and a removal per item instead of two sifts through a large
 * heap, whose comparisons touch items far apart in memory. Not thread-safe.
 *
 * @param <T> the items
 */
final class ReorderWindow<T> {
  /** Runs by head key, a binary min-heap. */
  private Run<T>[] heap;
  private int runs;
  /** The run that received the last item, or {@code null}. */
  private Run<T> last;
  private int size;
  private long seq;

  @SuppressWarnings("unchecked")
  ReorderWindow() {
    heap = new Run[8];
  }

  /** @return the items held */
  int size() {
    return size;
  }

  /** Adds an item with its start time; ties are broken by arrival order. */
  void add(T item, long seconds, int nanos) {
    long s = seq++;
    Run<T> r = last;
    if (r != null && r.size > 0 && !r.tailAfter(seconds, nanos)) {
      r.addLast(item, seconds, nanos, s);
    } else {
      r = new Run<>();
      r.addLast(item, seconds, nanos, s);
      push(r);
      last = r;
    }
    size++;
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
      Run<T> moved = heap[--runs];
      heap[runs] = null;
      if (runs > 0) {
        heap[0] = moved;
        siftDown(0);
      }
    } else {
      siftDown(0);
    }
    return item;
  }

  private void push(Run<T> r) {
    if (runs == heap.length) {
      heap = Arrays.copyOf(heap, runs * 2);
    }
    int k = runs++;
    while (k > 0) {
      int parent = (k - 1) >>> 1;
      Run<T> p = heap[parent];
      if (!p.headAfter(r)) {
        break;
      }
      heap[k] = p;
      k = parent;
    }
    heap[k] = r;
  }

  private void siftDown(int k) {
    Run<T> r = heap[k];
    int half = runs >>> 1;
    while (k < half) {
      int child = 2 * k + 1;
      Run<T> c = heap[child];
      int right = child + 1;
      if (right < runs && c.headAfter(heap[right])) {
        child = right;
        c = heap[child];
      }
      if (!r.headAfter(c)) {
        break;
      }
      heap[k] = c;
      k = child;
    }
    heap[k] = r;
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

    boolean tailAfter(long s, int n) {
      return tailSeconds > s || (tailSeconds == s && tailNanos > n);
    }

    /** Whether this run's head comes after the other run's head. */
    boolean headAfter(Run<T> o) {
      long s1 = seconds[head];
      long s2 = o.seconds[o.head];
      if (s1 != s2) {
        return s1 > s2;
      }
      int n1 = nanos[head];
      int n2 = o.nanos[o.head];
      if (n1 != n2) {
        return n1 > n2;
      }
      return seqs[head] > o.seqs[o.head];
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
