package io.lockwatch.analyzer.lockorder;

import io.lockwatch.analyzer.findings.ExecutorRef;
import io.lockwatch.analyzer.findings.LockRef;
import io.lockwatch.analyzer.internal.ExecutorInfo;
import io.lockwatch.analyzer.internal.LockInfo;

/**
 * A node of the lock-order graph: a lock or an executor, with its key within the run and its stable
 * key across runs ({@code null} when it has none).
 *
 * @param runKey key within the run
 * @param stableKey key across runs, or {@code null}
 * @param label readable name
 * @param lock the lock, or {@code null} for an executor
 * @param executor the executor, or {@code null} for a lock
 */
public record OrderNode(String runKey, String stableKey, String label, LockRef lock,
    ExecutorRef executor) {

  /** @return the node of a lock */
  public static OrderNode of(LockInfo l) {
    Object cached = l.cachedNode();
    if (cached instanceof OrderNode n) {
      return n;
    }
    OrderNode n = new OrderNode(l.runKey(), l.stableKey(), l.displayName(), l.ref(), null);
    l.cacheNode(n);
    return n;
  }

  /** @return the node of an executor */
  public static OrderNode of(ExecutorInfo e) {
    return new OrderNode(e.runKey(), e.stableKey(), "pool " + e.displayName(), null, e.ref());
  }

  /** @return the key naming this node in deduplication keys */
  String identity() {
    return stableKey != null ? stableKey : label;
  }
}
