package io.lockwatch.runtime;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The watchdog's own list of thread states (weak references, bounded by {@code
 * -Dlockwatch.maxThreads}, default 65536); it replaces {@code ThreadMXBean}, which takes a
 * safepoint and cannot see virtual threads. Slots of dead threads are pruned by the watchdog. A
 * thread that finds the table full still works, but the watchdog cannot see it (counted). This class
 * is internal.
 */
final class ThreadStateRegistry {
  private static final int CAPACITY = Integer.getInteger("lockwatch.maxThreads", 65536);
  private static final AtomicReferenceArray<WeakReference<ThreadLockState>> SLOTS =
      new AtomicReferenceArray<>(CAPACITY);
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final AtomicInteger CURSOR = new AtomicInteger();
  private static final AtomicLong DROPPED = new AtomicLong();
  /** One past the highest slot ever used: snapshots scan only that prefix. */
  private static final AtomicInteger HIGH = new AtomicInteger();

  private ThreadStateRegistry() {}

  static void register(ThreadLockState s) {
    if (COUNT.incrementAndGet() > CAPACITY) {
      COUNT.decrementAndGet();
      DROPPED.incrementAndGet();
      return;
    }
    WeakReference<ThreadLockState> ref = new WeakReference<>(s);
    int start = CURSOR.getAndIncrement();
    for (int n = 0; n < CAPACITY; n++) {
      int i = Math.floorMod(start + n, CAPACITY);
      WeakReference<ThreadLockState> cur = SLOTS.get(i);
      if ((cur == null || cur.get() == null) && SLOTS.compareAndSet(i, cur, ref)) {
        if (cur != null) {
          COUNT.decrementAndGet(); // replaced a dead slot that prune had not counted out yet
        }
        HIGH.accumulateAndGet(i + 1, Math::max);
        return;
      }
    }
    COUNT.decrementAndGet();
    DROPPED.incrementAndGet();
  }

  /** Returns the live states; prunes dead ones. Called by the watchdog. */
  static List<ThreadLockState> snapshot() {
    List<ThreadLockState> out = new ArrayList<>();
    int hi = HIGH.get();
    for (int i = 0; i < hi; i++) {
      WeakReference<ThreadLockState> ref = SLOTS.get(i);
      if (ref == null) {
        continue;
      }
      ThreadLockState s = ref.get();
      if (s == null || !s.thread.isAlive()) {
        if (SLOTS.compareAndSet(i, ref, null)) {
          COUNT.decrementAndGet();
        }
        continue;
      }
      out.add(s);
    }
    return out;
  }

  /** Finds a thread (other than {@code except}) whose state holds {@code lock}. */
  static ThreadLockState findHolder(Object lock, ThreadLockState except) {
    for (ThreadLockState s : snapshot()) {
      if (s != except && !s.internal && s.holds(lock)) {
        return s;
      }
    }
    return null;
  }

  /** Counts the threads waiting for {@code lock}, and tells each that {@code owner} held it. */
  static int waitersOf(Object lock, Thread owner) {
    int n = 0;
    for (ThreadLockState s : snapshot()) {
      if (s.pendingLock() == lock && s.thread != owner) {
        s.pendingOwnerHint = owner;
        n++;
      }
    }
    return n;
  }

  static int size() {
    return COUNT.get();
  }

  static long dropped() {
    return DROPPED.get();
  }
}
