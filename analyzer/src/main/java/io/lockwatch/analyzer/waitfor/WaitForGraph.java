package io.lockwatch.analyzer.waitfor;

import io.lockwatch.analyzer.findings.ThreadRef;
import io.lockwatch.analyzer.internal.ExecutorInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live wait-for graph of one in-flight snapshot, over threads.
 *
 * <p>Edges: a thread waiting for a lock waits for every thread that holds it (holds of the
 * snapshot, plus the owner the wait event names). A thread waiting on a task of executor P waits for
 * P's workers, but only when <em>every</em> worker of P in the snapshot is itself blocked: a wait on
 * a pool is an OR-wait (any free worker will do), so it is part of a deadlock only when no worker can
 * ever get free. That covers futures, virtual threads (they are threads here, keyed by id) and pool
 * starvation chains, which {@code ThreadMXBean} cannot see.
 *
 * <p>A deadlock is a strongly connected component of two threads or more (Tarjan).
 */
final class WaitForGraph {
  private final Map<Long, List<InFlightState>> byThread = new LinkedHashMap<>();
  private final Map<Long, Set<Long>> holders = new HashMap<>();
  private final Map<Long, Set<Long>> workers = new HashMap<>();
  private final Map<Long, Set<Long>> edges = new HashMap<>();
  private final Map<Long, ThreadRef> threads = new HashMap<>();

  WaitForGraph(List<InFlightState> states) {
    for (InFlightState s : states) {
      if (s.thread() == null) {
        continue;
      }
      long t = s.thread().id();
      threads.put(t, s.thread());
      byThread.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
      if (s.kind() == InFlightState.Kind.HOLD && s.lock() != null) {
        holders.computeIfAbsent(s.lock().id(), k -> new LinkedHashSet<>()).add(t);
      }
      if (s.runningExecutor() != null) {
        workers.computeIfAbsent(s.runningExecutor().id(), k -> new LinkedHashSet<>()).add(t);
      }
    }
    for (InFlightState s : states) {
      if (s.thread() == null) {
        continue;
      }
      long t = s.thread().id();
      if (s.kind() == InFlightState.Kind.LOCK_WAIT && s.lock() != null) {
        Set<Long> h = new LinkedHashSet<>(holders.getOrDefault(s.lock().id(), Set.of()));
        if (s.owner() != null) {
          h.add(s.owner().id());
          threads.putIfAbsent(s.owner().id(), s.owner());
        }
        h.remove(t);
        edges.computeIfAbsent(t, k -> new LinkedHashSet<>()).addAll(h);
      } else if (s.kind() == InFlightState.Kind.BLOCKING_WAIT && s.executor() != null
          && allWorkersBlocked(s.executor())) {
        Set<Long> w = new LinkedHashSet<>(workers.get(s.executor().id()));
        w.remove(t);
        edges.computeIfAbsent(t, k -> new LinkedHashSet<>()).addAll(w);
      }
    }
  }

  /** @return whether the executor has workers in the snapshot and every one is blocked */
  boolean allWorkersBlocked(ExecutorInfo p) {
    Set<Long> w = workers.get(p.id());
    if (w == null || w.isEmpty()) {
      return false;
    }
    for (long t : w) {
      if (!blocked(t)) {
        return false;
      }
    }
    return true;
  }

  /** @return whether every worker of the executor is in a blocking wait on a task of it */
  boolean starving(ExecutorInfo p) {
    Set<Long> w = workers.get(p.id());
    if (w == null || w.isEmpty()) {
      return false;
    }
    for (long t : w) {
      boolean waitsOnSelf = false;
      for (InFlightState s : byThread.getOrDefault(t, List.of())) {
        if (s.kind() == InFlightState.Kind.BLOCKING_WAIT && s.executor() != null
            && s.executor().id() == p.id()) {
          waitsOnSelf = true;
        }
      }
      if (!waitsOnSelf) {
        return false;
      }
    }
    return true;
  }

  /** @return the workers of an executor in the snapshot */
  Set<Long> workers(ExecutorInfo p) {
    return workers.getOrDefault(p.id(), Set.of());
  }

  private boolean blocked(long t) {
    for (InFlightState s : byThread.getOrDefault(t, List.of())) {
      if (s.blocked()) {
        return true;
      }
    }
    return false;
  }

  /** @return the states of a thread */
  List<InFlightState> states(long thread) {
    return byThread.getOrDefault(thread, List.of());
  }

  /** @return the thread with this id, or {@code null} */
  ThreadRef thread(long id) {
    return threads.get(id);
  }

  /** @return the threads a thread waits for */
  Set<Long> waitsFor(long thread) {
    return edges.getOrDefault(thread, Set.of());
  }

  /** @return every cycle (strongly connected component of at least two threads) */
  List<List<Long>> deadlocks() {
    Tarjan t = new Tarjan();
    for (Long v : edges.keySet()) {
      if (!t.index.containsKey(v)) {
        t.strongConnect(v);
      }
    }
    return t.result;
  }

  private final class Tarjan {
    final Map<Long, Integer> index = new HashMap<>();
    final Map<Long, Integer> low = new HashMap<>();
    final Deque<Long> stack = new ArrayDeque<>();
    final Set<Long> onStack = new java.util.HashSet<>();
    final List<List<Long>> result = new ArrayList<>();
    int next;

    void strongConnect(long v) {
      index.put(v, next);
      low.put(v, next);
      next++;
      stack.push(v);
      onStack.add(v);
      for (long w : edges.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          strongConnect(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        List<Long> scc = new ArrayList<>();
        long w;
        do {
          w = stack.pop();
          onStack.remove(w);
          scc.add(w);
        } while (w != v);
        if (scc.size() >= 2) {
          result.add(scc);
        }
      }
    }
  }
}
