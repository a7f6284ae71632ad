package io.lockwatch.analyzer.lockorder;

import io.lockwatch.analyzer.internal.RecencyIndex;
import io.lockwatch.analyzer.findings.ExecutorRef;
import io.lockwatch.analyzer.findings.LockRef;
import io.lockwatch.analyzer.internal.ExecutorInfo;
import io.lockwatch.analyzer.internal.LockInfo;

/**
 * A node of the lock-order graph: a lock or an executor, with its key within the run and its stable
 * key across runs ({@code null} when it has none).
 *
 * <p>A lock's node is kept by its {@link LockInfo} until the lock learns more, and itself keeps its
 * entries in the detector's graphs, so that an edge between known locks needs
 * no lookup by key (an entry that was evicted since is looked up again).
 */
public final class OrderNode {
  private final String runKey;
  private final String stableKey;
  private final String label;
  private final LockRef lock;
  private final ExecutorRef executor;
  // Entries of this node's keys in the detector's graphs, or null (see LockOrderDetector).
  RecencyIndex.Entry<LockOrderGraph.Node> runGraphEntry;
  RecencyIndex.Entry<LockOrderGraph.Node> stableGraphEntry;

  /**
   * @param runKey key within the run
   * @param stableKey key across runs, or {@code null}
   * @param label readable name
   * @param lock the lock, or {@code null} for an executor
   * @param executor the executor, or {@code null} for a lock
   */
  public OrderNode(String runKey, String stableKey, String label, LockRef lock,
      ExecutorRef executor) {
    this.runKey = runKey;
    this.stableKey = stableKey;
    this.label = label;
    this.lock = lock;
    this.executor = executor;
  }

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

  /** @return key within the run */
  public String runKey() {
    return runKey;
  }

  /** @return key across runs, or {@code null} */
  public String stableKey() {
    return stableKey;
  }

  /** @return readable name */
  public String label() {
    return label;
  }

  /** @return the lock, or {@code null} for an executor */
  public LockRef lock() {
    return lock;
  }

  /** @return the executor, or {@code null} for a lock */
  public ExecutorRef executor() {
    return executor;
  }

  /** @return the key naming this node in deduplication keys */
  String identity() {
    return stableKey != null ? stableKey : label;
  }

  @Override
  public String toString() {
    return "OrderNode[runKey=" + runKey + ", stableKey=" + stableKey + ", label=" + label
        + ", lock=" + lock + ", executor=" + executor + "]";
  }
}
