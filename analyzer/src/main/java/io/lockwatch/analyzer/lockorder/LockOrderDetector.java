package io.lockwatch.analyzer.lockorder;

import io.lockwatch.analyzer.internal.RecencyIndex;
import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.findings.Severity;
import io.lockwatch.analyzer.findings.StackRef;
import io.lockwatch.analyzer.findings.ThreadRef;
import io.lockwatch.analyzer.internal.FindingSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Predicts deadlocks from lock order: {@code LOCK_ORDER_CYCLE}, reported the first time the edge
 * that closes a cycle is seen.
 *
 * <p>Two graphs: the <b>run graph</b> keys locks by their id within one JVM run (exact: two locks of
 * the same class taken at the same site stay apart); the <b>stable graph</b> keys them by class and
 * user-given name, else class and acquisition site, and reports only cycles whose edges were not
 * all seen in one run (the run graph already judged those), so a cycle whose halves are in
 * different recordings is still found. Executors are nodes in both.
 *
 * <p>No false alarms, every cycle must pass:
 *
 * <ul>
 *   <li><b>Gate locks</b>: if one lock was held around every edge of the cycle (the {@code
 *       heldLockIds} of each order event), the edges serialize and cannot deadlock.
 *   <li><b>Read/write</b> (lockdep's recursive-read rule): a cycle through lock X is broken when the
 *       edge into X only ever requested X in read mode and the edge out of X only ever held X in read
 *       mode: two readers do not wait for each other. A write on either side keeps the cycle. (A
 *       {@code ReentrantReadWriteLock} reader can queue behind a waiting writer, which lockdep's
 *       non-recursive readers model; we accept that rare three-thread case as a miss rather than
 *       report read/read cycles.)
 *   <li><b>tryLock</b> adds no edge (the runtime emits none), and <b>released waits</b> hold
 *       nothing (the runtime models Object.wait and await as releases).
 * </ul>
 *
 * <p>Ranking: each cycle carries the stable keys of its locks; {@link FindingSink#ranked()} weighs it
 * by the wait and hold times measured on them.
 */
public final class LockOrderDetector {
  /** Default node cap of each graph. */
  public static final int DEFAULT_MAX_NODES = 50_000;
  /** Default edge cap of each graph. */
  public static final int DEFAULT_MAX_EDGES = 200_000;

  private final LockOrderGraph runGraph;
  private final LockOrderGraph stableGraph;
  private final FindingSink sink;

  /**
   * @param sink where findings go, not {@code null}
   * @param maxNodes node cap of each graph
   * @param maxEdges edge cap of each graph
   */
  public LockOrderDetector(FindingSink sink, int maxNodes, int maxEdges) {
    this.sink = sink;
    this.runGraph = new LockOrderGraph(maxNodes, maxEdges);
    this.stableGraph = new LockOrderGraph(maxNodes, maxEdges);
  }

  /**
   * Records an order edge: {@code to} requested (or waited on) while holding {@code from}.
   *
   * @param run the run number
   * @param from the held lock, or the executor whose task acquires {@code to}
   * @param to the requested lock, or the executor waited on
   * @param gates the other locks held at that moment (not {@code from}, not {@code to})
   * @param thread the acting thread, may be {@code null}
   * @param frames its stack
   * @param heldRead whether {@code from} was held in read mode
   * @param acquiredRead whether {@code to} was requested in read mode
   * @param time when
   */
  public void onEdge(int run, OrderNode from, OrderNode to, List<OrderNode> gates, ThreadRef thread,
      Supplier<List<String>> frames, boolean heldRead, boolean acquiredRead, Instant time) {
    if (from.runKey().equals(to.runKey())) {
      return;
    }
    from.runGraphEntry = runGraph.node(from.runKey(), from.runGraphEntry, from);
    to.runGraphEntry = runGraph.node(to.runKey(), to.runGraphEntry, to);
    observe(runGraph, false, from.runGraphEntry, to.runGraphEntry, gates, thread, frames, heldRead,
        acquiredRead, time, run);
    if (from.stableKey() == null || to.stableKey() == null
        || from.stableKey().equals(to.stableKey())) {
      return;
    }
    from.stableGraphEntry = stableGraph.node(from.stableKey(), from.stableGraphEntry, from);
    to.stableGraphEntry = stableGraph.node(to.stableKey(), to.stableGraphEntry, to);
    observe(stableGraph, true, from.stableGraphEntry, to.stableGraphEntry, gates, thread, frames,
        heldRead, acquiredRead, time, run);
  }

  /**
   * Adds one observation of an edge to a graph, and reports a cycle that a new or weakened edge
   * closes. A known edge that nothing weakens (the common case) costs one lookup and no allocation.
   */
  private void observe(LockOrderGraph g, boolean stable, RecencyIndex.Entry<LockOrderGraph.Node> f,
      RecencyIndex.Entry<LockOrderGraph.Node> t, List<OrderNode> gates, ThreadRef thread,
      Supplier<List<String>> frames, boolean heldRead, boolean acquiredRead, Instant time,
      int run) {
    Set<String> gateKeys = gateKeys(gates, stable);
    Edge e = g.edge(f, t);
    if (e == null) {
      e = g.addEdge(f, t, new EdgeObservation(f.value.info.label(), t.value.info.label(), thread,
          frames, time, gateKeys, heldRead, acquiredRead, run));
    } else if (!e.merge(gateKeys, heldRead, acquiredRead, run)) {
      return;
    }
    List<Edge> cycle = g.findCycle(e, c -> valid(c, stable));
    if (cycle != null) {
      report(g, cycle, stable);
    }
  }

  /** @return the graph keys of the gate locks: run keys, or stable keys where the locks have one */
  private static Set<String> gateKeys(List<OrderNode> gates, boolean stable) {
    if (gates.isEmpty()) {
      return Set.of();
    }
    Set<String> keys = new HashSet<>();
    for (OrderNode g : gates) {
      keys.add(stable && g.stableKey() != null ? g.stableKey() : g.runKey());
    }
    return Set.copyOf(keys);
  }

  /** @return retained nodes in both graphs */
  public int nodeCount() {
    return runGraph.nodeCount() + stableGraph.nodeCount();
  }

  /** @return retained edges in both graphs */
  public int edgeCount() {
    return runGraph.edgeCount() + stableGraph.edgeCount();
  }

  private boolean valid(List<Edge> cycle, boolean crossRunOnly) {
    // Gate locks: one lock held around every edge serializes the cycle.
    Set<String> common = new HashSet<>(cycle.get(0).gates);
    long runsInAll = cycle.get(0).runMask;
    for (int i = 1; i < cycle.size() && !common.isEmpty(); i++) {
      common.retainAll(cycle.get(i).gates);
    }
    if (!common.isEmpty()) {
      return false;
    }
    // Read/write: reader into X followed by reader holding X breaks the cycle at X.
    int n = cycle.size();
    for (int i = 0; i < n; i++) {
      Edge in = cycle.get(i);
      Edge out = cycle.get((i + 1) % n);
      if (in.acquiredReadOnly && out.heldReadOnly) {
        return false;
      }
    }
    if (crossRunOnly) {
      for (Edge e : cycle) {
        runsInAll &= e.runMask;
      }
      // Seen whole in one run: the exact run graph already decided it.
      return runsInAll == 0;
    }
    return true;
  }

  private void report(LockOrderGraph g, List<Edge> cycle, boolean stable) {
    // Order the cycle from its smallest identity so the key and the text do not depend on which
    // edge closed it.
    int n = cycle.size();
    List<OrderNode> nodes = new ArrayList<>(n);
    for (Edge e : cycle) {
      nodes.add(info(g, e.from));
    }
    int start = 0;
    for (int i = 1; i < n; i++) {
      if (nodes.get(i).identity().compareTo(nodes.get(start).identity()) < 0) {
        start = i;
      }
    }
    TreeSet<String> ids = new TreeSet<>();
    nodes.forEach(x -> ids.add(x.identity()));
    StringBuilder key = new StringBuilder("cycle");
    for (int i = 0; i < n; i++) {
      key.append('|').append(nodes.get((start + i) % n).identity());
    }
    if (sink.contains(key.toString())) {
      return;
    }
    Finding.Builder b = Finding.builder(FindingType.LOCK_ORDER_CYCLE).severity(Severity.WARNING)
        .firstSeen(cycle.get(0).firstSeen);
    StringBuilder path = new StringBuilder();
    List<String> rankKeys = new ArrayList<>();
    boolean viaPool = false;
    for (int i = 0; i < n; i++) {
      Edge e = cycle.get((start + i) % n);
      OrderNode from = info(g, e.from);
      if (from.lock() != null) {
        b.lock(from.lock());
      } else {
        b.executor(from.executor());
        viaPool = true;
      }
      if (from.stableKey() != null) {
        rankKeys.add(from.stableKey());
      }
      path.append(from.label()).append(" -> ");
      b.thread(e.thread);
      String action = info(g, e.to).lock() == null
          ? "holds " + e.fromLabel + ", waits on a task of " + e.toLabel
          : info(g, e.from).lock() == null
              ? "a task of " + e.fromLabel.substring("pool ".length()) + " acquires " + e.toLabel
              : "holds " + e.fromLabel + ", acquires " + e.toLabel;
      b.stack(new StackRef("edge " + (i + 1) + "/" + n + ": " + action, e.thread, e.fromLabel,
          e.toLabel, e.frames.get()));
    }
    path.append(nodes.get(start).label());
    String summary = (viaPool ? "Potential deadlock through a thread pool: " : "Potential deadlock: ")
        + "lock-order cycle " + path + " taken by threads "
        + String.join(", ", threadNames(cycle))
        + (stable ? " (edges seen in different recordings)" : "")
        + "; no common gate lock";
    b.summary(summary);
    sink.report(key.toString(), FindingType.LOCK_ORDER_CYCLE, b, rankKeys);
  }

  private static List<String> threadNames(List<Edge> cycle) {
    List<String> names = new ArrayList<>();
    for (Edge e : cycle) {
      String name = e.thread == null ? "?" : "\"" + e.thread.name() + "\"";
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static OrderNode info(LockOrderGraph g, String key) {
    OrderNode n = g.info(key);
    return n != null ? n : new OrderNode(key, null, key, null, null);
  }

  @Override
  public String toString() {
    return "LockOrderDetector{run=" + runGraph + ", stable=" + stableGraph + "}";
  }
}
