package io.lockwatch.analyzer.lockorder;

import io.lockwatch.analyzer.internal.RecencyIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A directed graph of lock-order edges between nodes (locks and executors) named by string keys.
 *
 * <p>Detection: incremental, as in lockdep. When an edge {@code u -> v} is added, a bounded
 * depth-first search looks for paths {@code v ~> u}; each path plus the new edge is a cycle, handed
 * to a validity test (gate locks, read/write rules, runs); the first valid one is returned. The
 * search enumerates simple paths (not just the first one reached) so that a gated path does not hide
 * an ungated one, within {@link #MAX_DEPTH} edges and {@link #SEARCH_BUDGET} expansions per new edge.
 *
 * <p>Memory: at most {@code maxNodes} nodes and {@code maxEdges} edges. Nodes are kept in access
 * order; past either cap the least recently touched node is evicted with its edges. Short-lived
 * locks therefore age out, and a cycle is only missed if one of its locks went unused for longer
 * than {@code maxNodes} other locks were touched.
 *
 * <p>Concurrency: none; one analyzer thread owns the graph.
 */
final class LockOrderGraph {
  static final int MAX_DEPTH = 16;
  static final int SEARCH_BUDGET = 20_000;

  private final int maxNodes;
  private final int maxEdges;
  /** Nodes in access order (least recently touched first); evicted by {@link #evictIfNeeded}. */
  private final RecencyIndex<Node> nodes = new RecencyIndex<>(Integer.MAX_VALUE);
  private int edgeCount;
  private long evictedNodes;

  LockOrderGraph(int maxNodes, int maxEdges) {
    this.maxNodes = maxNodes;
    this.maxEdges = maxEdges;
  }

  /**
   * The node of a key, created if absent, made most recent, with the readable info of its latest
   * observation.
   *
   * @param held the node the caller kept for this key (it may have been evicted since), or {@code null}
   * @param info the lock or executor the key stands for now
   * @return the node's entry, for the caller to keep
   */
  RecencyIndex.Entry<Node> node(String key, RecencyIndex.Entry<Node> held, OrderNode info) {
    RecencyIndex.Entry<Node> e = nodes.get(key, held);
    if (e == null) {
      e = nodes.put(key, new Node());
    }
    e.value.info = info;
    return e;
  }

  /** @return the edge between nodes just returned by {@link #node}, or {@code null} */
  Edge edge(RecencyIndex.Entry<Node> fromNode, RecencyIndex.Entry<Node> toNode) {
    return fromNode.value.out.get(toNode.key);
  }

  /**
   * Adds an edge absent between nodes just returned by {@link #node} (from first, then to), then
   * evicts the least recent nodes past the caps (never these two).
   *
   * @return the new edge
   */
  Edge addEdge(RecencyIndex.Entry<Node> fromNode, RecencyIndex.Entry<Node> toNode,
      EdgeObservation o) {
    Edge e = new Edge(fromNode.key, toNode.key, o);
    fromNode.value.out.put(toNode.key, e);
    toNode.value.in.add(fromNode.key);
    edgeCount++;
    evictIfNeeded(fromNode, toNode);
    return e;
  }

  /** @return the readable info of a node, or {@code null} if it is not in the graph */
  OrderNode info(String key) {
    RecencyIndex.Entry<Node> e = nodes.get(key);
    return e == null ? null : e.value.info;
  }

  /**
   * Finds a valid cycle closed by {@code closing}.
   *
   * @return the cycle's edges starting with {@code closing}, or {@code null}
   */
  List<Edge> findCycle(Edge closing, Predicate<List<Edge>> valid) {
    if (closing.from.equals(closing.to)) {
      return null; // a self edge is re-entry, reported by SELF_DEADLOCK events, not a cycle
    }
    List<Edge> path = new ArrayList<>();
    path.add(closing);
    Set<String> onPath = new HashSet<>();
    onPath.add(closing.from);
    onPath.add(closing.to);
    int[] budget = {SEARCH_BUDGET};
    return dfs(closing.to, closing.from, path, onPath, budget, valid) ? path : null;
  }

  private boolean dfs(String at, String target, List<Edge> path, Set<String> onPath, int[] budget,
      Predicate<List<Edge>> valid) {
    RecencyIndex.Entry<Node> found = nodes.get(at);
    if (found == null || path.size() > MAX_DEPTH) {
      return false;
    }
    Node n = found.value;
    // Copy: validity tests never mutate, but keep iteration safe from access-order reshuffles.
    for (Edge e : new ArrayList<>(n.out.values())) {
      if (--budget[0] < 0) {
        return false;
      }
      if (e.to.equals(target)) {
        path.add(e);
        if (valid.test(path)) {
          return true;
        }
        path.remove(path.size() - 1);
      } else if (onPath.add(e.to)) {
        path.add(e);
        if (dfs(e.to, target, path, onPath, budget, valid)) {
          return true;
        }
        path.remove(path.size() - 1);
        onPath.remove(e.to);
      }
    }
    return false;
  }

  private void evictIfNeeded(RecencyIndex.Entry<Node> keep1, RecencyIndex.Entry<Node> keep2) {
    RecencyIndex.Entry<Node> eldest = nodes.eldest();
    while ((nodes.size() > maxNodes || edgeCount > maxEdges) && eldest != null) {
      if (eldest == keep1 || eldest == keep2) {
        eldest = eldest.newer();
        continue;
      }
      String key = eldest.key;
      Node n = eldest.value;
      nodes.remove(eldest);
      evictedNodes++;
      for (String to : n.out.keySet()) {
        RecencyIndex.Entry<Node> t = nodes.get(to);
        if (t != null) {
          t.value.in.remove(key);
        }
      }
      edgeCount -= n.out.size();
      for (String from : n.in) {
        RecencyIndex.Entry<Node> f = nodes.get(from);
        if (f != null && f.value.out.remove(key) != null) {
          edgeCount--;
        }
      }
      // The lookups above changed the access order: start again from the least recent.
      eldest = nodes.eldest();
    }
  }

  int nodeCount() {
    return nodes.size();
  }

  int edgeCount() {
    return edgeCount;
  }

  long evictedNodes() {
    return evictedNodes;
  }

  @Override
  public String toString() {
    return "LockOrderGraph{nodes=" + nodes.size() + "/" + maxNodes + ", edges=" + edgeCount + "/"
        + maxEdges + "}";
  }

  /**
   * A node: its out-edges by target key (in insertion order), the keys of its sources, and what it
   * stands for (for findings).
   */
  static final class Node {
    final LinkedHashMap<String, Edge> out = new LinkedHashMap<>(4);
    final Set<String> in = new HashSet<>(4);
    OrderNode info;
  }
}
