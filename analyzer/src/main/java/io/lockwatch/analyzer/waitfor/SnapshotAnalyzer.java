package io.lockwatch.analyzer.waitfor;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.findings.Severity;
import io.lockwatch.analyzer.findings.StackRef;
import io.lockwatch.analyzer.findings.ThreadRef;
import io.lockwatch.analyzer.internal.ExecutorInfo;
import io.lockwatch.analyzer.internal.FindingSink;
import io.lockwatch.analyzer.internal.LastingFindings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Judges one in-flight snapshot: {@code DEADLOCK} (a cycle in the {@link WaitForGraph}), {@code
 * POOL_STARVATION} (every worker of a pool waits on tasks of that pool) and {@code POOL_SELF_WAIT}
 * (a worker waits on a task of its own pool). Deadlocks and starvation last: they are updated while
 * they last and resolved when a snapshot no longer shows them.
 */
public final class SnapshotAnalyzer {
  private final FindingSink sink;
  private final LastingFindings lasting;

  /**
   * @param sink where findings go, not {@code null}
   * @param lasting life cycle of lasting findings, shared with the stall detector, not {@code null}
   */
  public SnapshotAnalyzer(FindingSink sink, LastingFindings lasting) {
    this.sink = sink;
    this.lasting = lasting;
  }

  /**
   * Analyzes one complete snapshot.
   *
   * @param run the run number
   * @param states the snapshot's states, not {@code null}
   * @param time the snapshot's time
   */
  public void analyze(int run, List<InFlightState> states, Instant time) {
    WaitForGraph g = new WaitForGraph(states);
    for (List<Long> cycle : g.deadlocks()) {
      if (!onlyPoolSelfWaits(g, cycle)) {
        deadlock(run, g, cycle, time);
      }
    }
    Map<Long, ExecutorInfo> pools = new LinkedHashMap<>();
    for (InFlightState s : states) {
      if (s.kind() == InFlightState.Kind.BLOCKING_WAIT && s.executor() != null) {
        pools.put(s.executor().id(), s.executor());
        if (s.runningExecutor() != null && s.runningExecutor().id() == s.executor().id()) {
          selfWait(s);
        }
      }
    }
    for (ExecutorInfo p : pools.values()) {
      if (g.starving(p)) {
        starvation(g, p, time);
      }
    }
  }

  /**
   * Whether every thread of the cycle is a worker of one pool waiting on a task of that same pool:
   * that is pool starvation, reported as {@code POOL_STARVATION}, not as a deadlock.
   */
  private static boolean onlyPoolSelfWaits(WaitForGraph g, List<Long> cycle) {
    long pool = 0;
    for (long t : cycle) {
      boolean selfWait = false;
      for (InFlightState s : g.states(t)) {
        if (s.kind() == InFlightState.Kind.BLOCKING_WAIT && s.executor() != null
            && s.runningExecutor() != null && s.executor().id() == s.runningExecutor().id()
            && (pool == 0 || pool == s.executor().id())) {
          pool = s.executor().id();
          selfWait = true;
        }
      }
      if (!selfWait) {
        return false;
      }
    }
    return true;
  }

  /** A worker blocks on a task of its own pool (also called for BlockingWait events). */
  public void selfWait(InFlightState s) {
    ExecutorInfo p = s.executor();
    String site = s.threadStack().isEmpty() ? "" : s.threadStack().get(0);
    String key = "selfwait|" + p.stableKey() + "|" + site;
    if (sink.contains(key)) {
      return;
    }
    Finding.Builder b = Finding.builder(FindingType.POOL_SELF_WAIT).severity(Severity.WARNING)
        .firstSeen(s.time())
        .summary("Worker " + name(s.thread()) + " of pool " + p.displayName()
            + " blocks (" + s.waitKind() + ") on a task of the same pool; once every worker does "
            + "this the pool starves")
        .thread(s.thread()).executor(p.ref())
        .stack(new StackRef("worker waits on a task of its own pool", s.thread(), "", p.displayName(),
            s.threadStack()));
    s.heldLocks().forEach(l -> b.lock(l.ref()));
    sink.report(key, FindingType.POOL_SELF_WAIT, b, List.of());
  }

  private void starvation(WaitForGraph g, ExecutorInfo p, Instant time) {
    String key = "starve|" + p.stableKey();
    TreeSet<Long> ws = new TreeSet<>(g.workers(p));
    String signature = ws.toString();
    LastingFindings.Presence presence = lasting.seen(key, signature);
    if (presence == LastingFindings.Presence.SAME) {
      sink.touch(key, b -> b.lastSeen(time));
      return;
    }
    Finding.Builder b = Finding.builder(FindingType.POOL_STARVATION).severity(Severity.CRITICAL)
        .firstSeen(time).lastSeen(time).executor(p.ref())
        .summary("Pool starvation: all " + ws.size() + " busy worker(s) of pool " + p.displayName()
            + " are blocked waiting on tasks queued in that same pool; none can make progress");
    for (long t : ws) {
      for (InFlightState s : g.states(t)) {
        if (s.kind() == InFlightState.Kind.BLOCKING_WAIT) {
          b.thread(s.thread()).stack(new StackRef("worker " + name(s.thread()) + " waits ("
              + s.waitKind() + ") on a task of " + p.displayName(), s.thread(), "", p.displayName(),
              s.threadStack()));
        }
      }
    }
    if (presence == LastingFindings.Presence.NEW) {
      sink.report(key, FindingType.POOL_STARVATION, b, List.of());
    } else {
      sink.replace(key, b);
    }
  }

  private void deadlock(int run, WaitForGraph g, List<Long> cycle, Instant time) {
    TreeSet<Long> sorted = new TreeSet<>(cycle);
    String key = "deadlock|" + run + "|" + sorted;
    LastingFindings.Presence presence = lasting.seen(key, sorted.toString());
    if (presence != LastingFindings.Presence.NEW) {
      sink.touch(key, b -> b.lastSeen(time));
      return;
    }
    Finding.Builder b = Finding.builder(FindingType.DEADLOCK).severity(Severity.CRITICAL)
        .firstSeen(time).lastSeen(time);
    List<String> parts = new ArrayList<>();
    List<String> rankKeys = new ArrayList<>();
    for (long t : cycle) {
      ThreadRef tr = g.thread(t);
      b.thread(tr);
      List<InFlightState> states = g.states(t);
      InFlightState wait = null;
      for (InFlightState s : states) {
        if (s.blocked()) {
          wait = s;
        }
      }
      if (wait == null) {
        continue;
      }
      String what;
      if (wait.kind() == InFlightState.Kind.LOCK_WAIT && wait.lock() != null) {
        b.lock(wait.lock().ref());
        if (wait.lock().stableKey() != null) {
          rankKeys.add(wait.lock().stableKey());
        }
        what = "waits for lock " + wait.lock().displayName() + others(g, t, " held by ");
      } else {
        ExecutorInfo p = wait.executor();
        if (p != null) {
          b.executor(p.ref());
        }
        what = "waits (" + wait.waitKind() + ") on a task of pool "
            + (p == null ? "?" : p.displayName())
            + others(g, t, " whose busy workers are all blocked: ");
      }
      wait.heldLocks().forEach(l -> b.lock(l.ref()));
      String held = wait.heldLocks().isEmpty() ? "" : " holding "
          + String.join(", ", wait.heldLocks().stream().map(l -> l.displayName()).toList());
      parts.add(name(tr) + held + " " + what);
      b.stack(new StackRef(name(tr) + held + " " + what, tr,
          wait.heldLocks().isEmpty() ? "" : wait.heldLocks().get(0).displayName(),
          wait.lock() != null ? wait.lock().displayName()
              : wait.executor() != null ? wait.executor().displayName() : "",
          wait.threadStack()));
    }
    b.summary("Deadlock: " + cycle.size() + " threads wait for each other: "
        + String.join("; ", parts));
    sink.report(key, FindingType.DEADLOCK, b, rankKeys);
  }

  private static String others(WaitForGraph g, long t, String prefix) {
    List<String> names = new ArrayList<>();
    for (long o : g.waitsFor(t)) {
      names.add(name(g.thread(o)));
    }
    return names.isEmpty() ? "" : prefix + String.join(", ", names);
  }

  static String name(ThreadRef t) {
    return t == null ? "?" : "\"" + t.name() + "\"";
  }
}
