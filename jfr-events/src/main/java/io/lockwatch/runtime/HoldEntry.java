package io.lockwatch.runtime;

/**
 * One held lock of a thread: the lock, its mode, the reentrancy count and the coarse start time.
 * Entries are reused in place (no allocation in steady state).
 *
 * <p>{@code lock} is meaningful only below the thread's depth; above it, it is a stale reference
 * kept on purpose (see {@link #set}) until the owner clears it on the watchdog's request.
 *
 * <p>The memo fields remember the last order edge checked from this position (parent lock and
 * mode, child lock and mode), so a known nested acquisition costs a few compares and never looks
 * up the edge cache. They survive pops on purpose. Every watchdog pass asks the owner (through
 * {@code ThreadLockState.clearRequested}) to drop stale references and memos above its depth at
 * its next depth-0 acquisition, so they keep locks alive only while the thread stays idle.
 */
final class HoldEntry {
  // Plain fields, written by the owning thread only; the watchdog reads them racily and may see
  // a torn entry for one pass (benign: it re-reads every period).
  Object lock;
  int mode;
  int count;
  long startNanos;

  Object memoParent;
  int memoParentMode;
  Object memoChild;
  int memoChildMode;

  void set(Object lock, int mode, int count, long startNanos) {
    this.mode = mode;
    this.count = count;
    this.startNanos = startNanos;
    if (this.lock != lock) {
      // A reference store costs a GC write barrier (with G1, a StoreLoad fence when the card is
      // not young): skip it when the entry still refers to the same lock as last time.
      this.lock = lock;
    }
  }

  void copyFrom(HoldEntry o) {
    this.mode = o.mode;
    this.count = o.count;
    this.startNanos = o.startNanos;
    this.lock = o.lock;
  }

  void clearMemo() {
    memoParent = null;
    memoChild = null;
  }
}
