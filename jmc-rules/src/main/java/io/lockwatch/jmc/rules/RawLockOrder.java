package io.lockwatch.jmc.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;

/**
 * Finds lock-order cycles in {@code lockwatch.LockOrder} events: the shortest cycle through each
 * edge, once per set of locks, unless one gate lock was held on every edge (then it cannot
 * deadlock) or every edge is read-to-read.
 */
final class RawLockOrder {
  private final RawEvaluator raw;
  private final Map<List<Long>, Edge> edges = new LinkedHashMap<>();
  private final Map<Long, List<Long>> next = new HashMap<>();

  RawLockOrder(RawEvaluator raw) {
    this.raw = raw;
  }

  void evaluate(Iterable<IItemIterable> lockOrders) {
    for (IItemIterable it : lockOrders) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        onEdge(f, item);
      }
    }
    Set<Set<Long>> reported = new HashSet<>();
    for (Edge e : edges.values()) {
      List<Long> path = path(e.to, e.from);
      if (path == null) {
        continue;
      }
      Set<Long> key = new TreeSet<>(path);
      if (!reported.add(key)) {
        continue;
      }
      List<Edge> cycle = new ArrayList<>();
      for (int i = 0; i < path.size(); i++) {
        long from = i == 0 ? e.from : path.get(i - 1);
        cycle.add(edges.get(List.of(from, path.get(i))));
      }
      if (!gated(cycle)) {
        report(cycle);
      }
    }
  }

  private void onEdge(ItemFields f, IItem item) {
    if ("read".equals(f.string(item, "heldMode")) && "read".equals(f.string(item, "acquiredMode"))) {
      return;
    }
    long held = f.number(item, "heldLockId");
    long acquired = f.number(item, "acquiredLockId");
    if (held == acquired) {
      return;
    }
    raw.lockLabel(held, f.className(item, "heldLockClass"), f.string(item, "heldLockName"));
    raw.lockLabel(acquired, f.className(item, "acquiredLockClass"),
        f.string(item, "acquiredLockName"));
    Set<Long> gates = new HashSet<>();
    for (String id : f.string(item, "heldLockIds").split(",")) {
      if (!id.isBlank()) {
        try {
          long g = Long.parseLong(id.trim());
          if (g != held && g != acquired) {
            gates.add(g);
          }
        } catch (NumberFormatException ignored) {
          // not an id: no gate
        }
      }
    }
    List<Long> key = List.of(held, acquired);
    Edge e = edges.get(key);
    if (e == null) {
      edges.put(key, new Edge(held, acquired, gates, ItemFields.threadName(f.eventThread(item)),
          f.stack(item)));
      next.computeIfAbsent(held, k -> new ArrayList<>()).add(acquired);
    } else {
      e.gates.retainAll(gates);
    }
  }

  /** @return the nodes after {@code from} on a shortest path to {@code to}, ending with it */
  private List<Long> path(long from, long to) {
    Map<Long, Long> parent = new HashMap<>();
    Deque<Long> queue = new ArrayDeque<>(List.of(from));
    parent.put(from, from);
    while (!queue.isEmpty()) {
      long n = queue.poll();
      if (n == to) {
        List<Long> path = new ArrayList<>();
        for (long c = to; c != from; c = parent.get(c)) {
          path.add(0, c);
        }
        path.add(0, from);
        return path;
      }
      for (long m : next.getOrDefault(n, List.of())) {
        if (parent.putIfAbsent(m, n) == null) {
          queue.add(m);
        }
      }
    }
    return null;
  }

  private static boolean gated(List<Edge> cycle) {
    Set<Long> common = new HashSet<>(cycle.get(0).gates);
    for (Edge e : cycle) {
      common.retainAll(e.gates);
    }
    return !common.isEmpty();
  }

  private void report(List<Edge> cycle) {
    List<Issue.Part> parts = new ArrayList<>();
    StringBuilder order = new StringBuilder();
    for (Edge e : cycle) {
      String from = raw.lockLabel(e.from);
      parts.add(new Issue.Part(e.thread, from, raw.lockLabel(e.to), "", e.stack, ""));
      order.append(from).append(" -> ");
    }
    order.append(raw.lockLabel(cycle.get(0).from));
    raw.add("cycle:" + new TreeSet<>(cycle.stream().map(e -> e.from).toList()),
        "LOCK_ORDER_CYCLE", "WARNING", "Lock-order cycle (potential deadlock): " + order, parts);
  }

  /** One lock-order edge with the locks held on every observation of it. */
  private static final class Edge {
    final long from;
    final long to;
    final Set<Long> gates;
    final String thread;
    final String stack;

    Edge(long from, long to, Set<Long> gates, String thread, String stack) {
      this.from = from;
      this.to = to;
      this.gates = gates;
      this.thread = thread;
      this.stack = stack;
    }
  }
}
