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
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;

/**
 * Finds lock-order cycles in {@code lockwatch.LockOrder} events, with pools as nodes too (a wait on
 * a task of pool P while holding L is an edge L -> P; a task of P taking M is an edge P -> M): the
 * shortest cycle through each edge, once per set of nodes, unless one gate lock was held on every
 * edge (then it cannot deadlock). Read-to-read edges are left out.
 */
final class RawLockOrder {
  private final RawEvaluator raw;
  private final Map<List<String>, Edge> edges = new LinkedHashMap<>();
  private final Map<String, List<String>> next = new HashMap<>();
  private final Map<Long, String> poolLabels = new HashMap<>();

  RawLockOrder(RawEvaluator raw) {
    this.raw = raw;
  }

  void evaluate(Map<Long, Long> workerPools) {
    for (IItemIterable it : raw.each("lockwatch.LockOrder")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        onEdge(f, item, workerPools);
      }
    }
    poolEdges(workerPools);
    Set<Set<String>> reported = new HashSet<>();
    for (Edge e : List.copyOf(edges.values())) {
      List<String> path = path(e.to, e.from);
      if (path == null) {
        continue;
      }
      Set<String> key = new TreeSet<>(path);
      if (!reported.add(key)) {
        continue;
      }
      List<Edge> cycle = new ArrayList<>();
      for (int i = 0; i < path.size(); i++) {
        String from = i == 0 ? e.from : path.get(i - 1);
        cycle.add(edges.get(List.of(from, path.get(i))));
      }
      if (!gated(cycle)) {
        report(cycle);
      }
    }
  }

  private void onEdge(ItemFields f, IItem item, Map<Long, Long> workerPools) {
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
    long[] heldIds = ids(f.string(item, "heldLockIds"));
    Set<String> gates = new HashSet<>();
    for (long g : heldIds) {
      if (g != held && g != acquired) {
        gates.add(lock(g));
      }
    }
    IMCThread t = f.eventThread(item);
    String thread = ItemFields.threadName(t);
    String stack = f.stack(item);
    edge(lock(held), lock(acquired), gates, thread, stack);
    // A task of pool P acquires locks: edge P -> the outermost lock the task holds.
    Long pool = t == null || t.getThreadId() == null ? null : workerPools.get(t.getThreadId());
    if (pool != null) {
      edge(pool(pool), lock(heldIds.length > 0 ? heldIds[0] : held), Set.of(), thread, stack);
    }
  }

  /**
   * Pools are nodes too: holding locks while waiting on a task of pool P is an edge lock -> P,
   * and a task of P taking a lock at top level is an edge P -> lock.
   */
  private void poolEdges(Map<Long, Long> workerPools) {
    for (IItemIterable it : raw.each("lockwatch.BlockingWait")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        long executorId = f.number(item, "executorId");
        long[] held = ids(f.string(item, "heldLockIds"));
        if (executorId == 0 || held.length == 0) {
          continue;
        }
        poolLabels.putIfAbsent(executorId, f.string(item, "executorName"));
        String thread = ItemFields.threadName(f.eventThread(item));
        String stack = f.stack(item);
        for (long l : held) {
          Set<String> gates = new HashSet<>();
          for (long g : held) {
            if (g != l) {
              gates.add(lock(g));
            }
          }
          edge(lock(l), pool(executorId), gates, thread, stack);
        }
      }
    }
    for (String event : List.of("lockwatch.LockHold", "lockwatch.LockWait")) {
      for (IItemIterable it : raw.each(event)) {
        ItemFields f = new ItemFields(it.getType());
        for (IItem item : it) {
          IMCThread t = f.eventThread(item);
          Long pool = t == null || t.getThreadId() == null ? null : workerPools.get(t.getThreadId());
          if (pool == null || ids(f.string(item, "heldLockIds")).length > 0) {
            continue;
          }
          long id = f.number(item, "lockId");
          raw.lockLabel(id, f.className(item, "lockClass"), f.string(item, "lockName"));
          edge(pool(pool), lock(id), Set.of(), ItemFields.threadName(t), f.stack(item));
        }
      }
    }
  }

  private void edge(String from, String to, Set<String> gates, String thread, String stack) {
    List<String> key = List.of(from, to);
    Edge e = edges.get(key);
    if (e == null) {
      edges.put(key, new Edge(from, to, new HashSet<>(gates), thread, stack));
      next.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
    } else {
      e.gates.retainAll(gates);
    }
  }

  private static String lock(long id) {
    return "L" + id;
  }

  private static String pool(long executorId) {
    return "P" + executorId;
  }

  private String label(String node) {
    long id = Long.parseLong(node.substring(1));
    if (node.charAt(0) == 'L') {
      return raw.lockLabel(id);
    }
    String name = poolLabels.getOrDefault(id, "");
    return "pool " + (name.isEmpty() ? "@" + Long.toHexString(id) : name);
  }

  private static long[] ids(String csv) {
    List<Long> out = new ArrayList<>();
    for (String id : csv.split(",")) {
      if (!id.isBlank()) {
        try {
          out.add(Long.parseLong(id.trim()));
        } catch (NumberFormatException ignored) {
          // not an id
        }
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** @return the nodes after {@code from} on a shortest path to {@code to}, ending with it */
  private List<String> path(String from, String to) {
    Map<String, String> parent = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    parent.put(from, from);
    while (!queue.isEmpty()) {
      String n = queue.poll();
      if (n.equals(to)) {
        List<String> path = new ArrayList<>();
        for (String c = to; !c.equals(from); c = parent.get(c)) {
          path.add(0, c);
        }
        path.add(0, from);
        return path;
      }
      for (String m : next.getOrDefault(n, List.of())) {
        if (parent.putIfAbsent(m, n) == null) {
          queue.add(m);
        }
      }
    }
    return null;
  }

  private static boolean gated(List<Edge> cycle) {
    Set<String> common = new HashSet<>(cycle.get(0).gates);
    for (Edge e : cycle) {
      common.retainAll(e.gates);
    }
    return !common.isEmpty();
  }

  private void report(List<Edge> cycle) {
    List<Issue.Part> parts = new ArrayList<>();
    StringBuilder order = new StringBuilder();
    for (Edge e : cycle) {
      String from = label(e.from);
      String to = label(e.to);
      String pool = e.from.startsWith("P") ? from : e.to.startsWith("P") ? to : "";
      parts.add(new Issue.Part(e.thread, from, to, pool, e.stack, ""));
      order.append(from).append(" -> ");
    }
    order.append(label(cycle.get(0).from));
    raw.add("cycle:" + new TreeSet<>(cycle.stream().map(e -> e.from).toList()),
        "LOCK_ORDER_CYCLE", "WARNING", "Lock-order cycle (potential deadlock): " + order, parts);
  }

  /** One lock-order edge with the locks held on every observation of it. */
  private static final class Edge {
    final String from;
    final String to;
    final Set<String> gates;
    final String thread;
    final String stack;

    Edge(String from, String to, Set<String> gates, String thread, String stack) {
      this.from = from;
      this.to = to;
      this.gates = gates;
      this.thread = thread;
      this.stack = stack;
    }
  }
}
