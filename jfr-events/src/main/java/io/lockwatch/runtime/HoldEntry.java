package io.lockwatch.runtime;

/**
 * One held lock of a thread: the lock, its mode, the reentrancy count and the coarse start time.
 * Entries are reused in place (no allocation in steady state).
 *
 * <p>The memo fields remember the last order edge checked from this position (parent lock and
 * mode, child lock and mode), so a known nested acquisition costs a few compares and never looks
 * up the edge cache. They survive pops on purpose; the watchdog nulls the memos of unused positions
 * every pass so that they keep locks alive for at most about a second. That race is benign: the
 * watchdog only writes {@code null}, so the owner can only miss the memo, never see a false hit.
 */
final class HoldEntry {
  // Plain fields, written by the owning thread only; the watchdog reads them racily and may see
  // a torn entry for one pass (benign: it re-reads every period).
  Object lock;
  int mode;
  int count;
  long startNanos;
  /** Lazily resolved lock id, 0 until needed. */
  long lockId;

  Object memoParent;
  int memoParentMode;
  Object memoChild;
  int memoChildMode;

  void set(Object lock, int mode, int count, long startNanos) {
    this.mode = mode;
    this.count = count;
    this.startNanos = startNanos;
    this.lockId = 0;
    this.lock = lock;
  }

  void copyFrom(HoldEntry o) {
    this.mode = o.mode;
    this.count = o.count;
    this.startNanos = o.startNanos;
    this.lockId = o.lockId;
    this.lock = o.lock;
  }

  void clearMemo() {
    memoParent = null;
    memoChild = null;
  }
}
