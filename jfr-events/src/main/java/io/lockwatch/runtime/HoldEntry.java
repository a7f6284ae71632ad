package io.lockwatch.runtime;

import jdk.internal.vm.annotation.ForceInline;

/**
 * One held lock of a thread, or the lock the thread is about to acquire: the lock, its mode, the
 * number of re-entries and the coarse start time. Entries are reused in place (no allocation in
 * steady state). {@link ThreadLockState} extends it: a thread's state is its own first entry.
 *
 * <p>{@code lock} is meaningful only below the thread's depth, and at the depth while the thread
 * waits (the pending acquisition); above that it is a stale reference kept on purpose (see
 * {@link #prepare}) until the owner clears it on the watchdog's request.
 *
 * <p>{@link #reentries} counts the holds beyond the first, so it is 0 on every entry at or above
 * the depth and a first acquisition need not store it.
 *
 * <p>The memo remembers the last order edge checked from this position (child lock and both
 * modes; the parent is this entry's lock, and the memo is dropped whenever {@link #lock}
 * changes), so a known nested acquisition costs two compares and never looks up the edge cache.
 * It survives pops on purpose. Every watchdog pass asks the owner (with a new {@code
 * RuntimeSettings.activeEpoch} token) to drop stale references and memos above its depth at its
 * next acquisition, so they keep locks alive only while the thread stays idle.
 */
class HoldEntry {
  // Plain fields, written by the owning thread only; the watchdog reads them racily and may see
  // a torn entry for one pass (benign: it re-reads every period).
  Object lock;
  int mode;
  /** Holds beyond the first (re-entries in the same mode); 0 when not held. */
  int reentries;
  long startNanos;

  /** The child lock of the last known edge from this entry's lock, or {@code null}. */
  Object memoChild;
  /** {@link #memoKey} of the parent and child modes of that edge. */
  int memoModes;

  /** The memo key of an edge from a parent held in {@code parentMode} to {@code childMode}. */
  static int memoKey(int parentMode, int childMode) {
    return parentMode << 8 | childMode;
  }

  /**
   * Fills the entry for an acquisition (pending or done) with no re-entries. Stores only what
   * changed: on a lock pair that repeats, usually nothing.
   */
  @ForceInline
  void prepare(Object lock, int mode, long startNanos) {
    // Each store that is skipped is one less for the lock's own CAS to drain from the store
    // buffer; a reference store also costs a GC write barrier (with G1, a StoreLoad fence when
    // the card is not young). The memo belongs to the lock, so it goes when the lock changes.
    if (this.lock != lock) {
      this.lock = lock;
      this.memoChild = null;
    }
    if (this.mode != mode) {
      this.mode = mode;
    }
    if (this.startNanos != startNanos) {
      this.startNanos = startNanos;
    }
  }

  /**
   * Starts the hold of a pending acquisition at {@code nowNanos}.
   *
   * @return the wait's coarse length: {@code nowNanos} minus the pending start
   */
  long start(long nowNanos) {
    long waited = nowNanos - startNanos;
    if (waited != 0) {
      startNanos = nowNanos;
    }
    return waited;
  }

  void copyFrom(HoldEntry o) {
    this.mode = o.mode;
    this.reentries = o.reentries;
    this.startNanos = o.startNanos;
    this.lock = o.lock;
    this.memoChild = o.memoChild;
    this.memoModes = o.memoModes;
  }

  void clear() {
    lock = null;
    memoChild = null;
    reentries = 0;
  }
}
