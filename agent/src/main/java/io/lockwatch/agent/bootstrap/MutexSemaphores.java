package io.lockwatch.agent.bootstrap;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Semaphores created with exactly one permit, which Lockwatch treats as non-reentrant mutexes:
 * a weak identity set, lock-free, bounded. A semaphore that does not fit is simply not tracked and
 * counted in {@link #overflow()}. This class is internal.
 *
 * <p>Open addressing over {@link System#identityHashCode}: a lookup is one hash and at most
 * {@link #PROBES} slot reads. Slots whose semaphore was collected are reused by later inserts.
 */
public final class MutexSemaphores {
  static final int CAPACITY = 4096;
  static final int PROBES = 8;
  private static final AtomicReferenceArray<WeakReference<Object>> SLOTS =
      new AtomicReferenceArray<>(CAPACITY);
  private static final AtomicLong OVERFLOW = new AtomicLong();

  private MutexSemaphores() {}

  /**
   * Registers a semaphore created with {@code permits} permits; only 1 is a mutex.
   *
   * @param semaphore the new semaphore
   * @param permits its initial permits
   */
  public static void created(Object semaphore, int permits) {
    try {
      if (permits != 1) {
        return;
      }
      WeakReference<Object> ref = new WeakReference<>(semaphore);
      int start = System.identityHashCode(semaphore) & (CAPACITY - 1);
      for (int i = 0; i < PROBES; i++) {
        int slot = (start + i) & (CAPACITY - 1);
        WeakReference<Object> cur = SLOTS.get(slot);
        if ((cur == null || cur.get() == null) && SLOTS.compareAndSet(slot, cur, ref)) {
          return;
        }
      }
      OVERFLOW.incrementAndGet();
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /**
   * Returns whether the semaphore was created with one permit (and fitted in the table).
   *
   * @param semaphore the semaphore
   * @return true for a tracked mutex semaphore
   */
  public static boolean isMutex(Object semaphore) {
    int start = System.identityHashCode(semaphore) & (CAPACITY - 1);
    for (int i = 0; i < PROBES; i++) {
      WeakReference<Object> cur = SLOTS.get((start + i) & (CAPACITY - 1));
      if (cur != null && cur.get() == semaphore) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns how many mutex semaphores could not be tracked because the table was full.
   *
   * @return the count
   */
  public static long overflow() {
    return OVERFLOW.get();
  }
}
