package io.lockwatch.analyzer.stall;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.findings.Severity;
import io.lockwatch.analyzer.findings.StackRef;
import io.lockwatch.analyzer.findings.ThreadRef;
import io.lockwatch.analyzer.internal.ExecutorInfo;
import io.lockwatch.analyzer.internal.FindingSink;
import io.lockwatch.analyzer.internal.LastingFindings;
import io.lockwatch.analyzer.internal.LockInfo;
import io.lockwatch.analyzer.waitfor.InFlightState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code STALL}: threads blocked on a lock, or on tasks of a pool, for longer than the stall
 * threshold, from in-flight snapshots, reported <em>while it lasts</em> with the owner's stack.
 *
 * <p>Life cycle: one finding per lock (or pool). It is reported when a snapshot first shows a wait
 * past the threshold, updated when its waiters or owner change (not repeated while unchanged), and
 * resolved when a snapshot no longer shows it (see {@link LastingFindings}).
 *
 * <p>Latency: with the runtime's in-flight threshold of 500 ms and period of 1 s, a wait is visible
 * from 0.5 s and the first snapshot past the default stall threshold of {@value
 * #DEFAULT_STALL_THRESHOLD_MS} ms comes at most 1 s later; adding a stream flush (about 1 s) a 10 s
 * hold is reported about 2.5 to 3.5 s after it starts.
 *
 * <p>Also {@code LONG_HOLD} from snapshots: a hold still in progress past the long-hold threshold
 * while threads wait for it.
 */
public final class StallDetector {
  /** Default stall threshold in milliseconds. */
  public static final long DEFAULT_STALL_THRESHOLD_MS = 1_500;

  private final FindingSink sink;
  private final LastingFindings lasting;
  private final long stallNanos;
  private final long longHoldNanos;

  /**
   * @param sink where findings go
   * @param lasting life cycle shared with the snapshot analyzer
   * @param stallNanos stall threshold
   * @param longHoldNanos long-hold threshold
   */
  public StallDetector(FindingSink sink, LastingFindings lasting, long stallNanos,
      long longHoldNanos) {
    this.sink = sink;
    this.lasting = lasting;
    this.stallNanos = stallNanos;
    this.longHoldNanos = longHoldNanos;
  }

  /**
   * Analyzes one complete snapshot.
   *
   * @param states the snapshot's states
   * @param time the snapshot's time
   */
  public void analyze(List<InFlightState> states, Instant time) {
    Map<Long, List<InFlightState>> lockWaits = new LinkedHashMap<>();
    Map<Long, List<InFlightState>> poolWaits = new LinkedHashMap<>();
    Map<Long, InFlightState> holds = new LinkedHashMap<>();
    for (InFlightState s : states) {
      switch (s.kind()) {
        case HOLD -> {
          if (s.lock() != null) {
            holds.putIfAbsent(s.lock().id(), s);
            if (s.waiters() > 0 && s.ageNanos() >= longHoldNanos) {
              longHold(s);
            }
          }
        }
        case LOCK_WAIT -> {
          if (s.lock() != null && s.ageNanos() >= stallNanos) {
            lockWaits.computeIfAbsent(s.lock().id(), k -> new ArrayList<>()).add(s);
          }
        }
        case BLOCKING_WAIT -> {
          if (s.executor() != null && s.ageNanos() >= stallNanos) {
            poolWaits.computeIfAbsent(s.executor().id(), k -> new ArrayList<>()).add(s);
          }
        }
      }
    }
    for (List<InFlightState> waits : lockWaits.values()) {
      lockStall(waits, holds.get(waits.get(0).lock().id()), time);
    }
    for (List<InFlightState> waits : poolWaits.values()) {
      poolStall(waits, time);
    }
  }

  private void lockStall(List<InFlightState> waits, InFlightState hold, Instant time) {
    LockInfo lock = waits.get(0).lock();
    String key = "stall|lock|" + lock.findingKey();
    ThreadRef owner = hold != null ? hold.thread() : waits.get(0).owner();
    List<String> ownerStack = hold != null && !hold.threadStack().isEmpty() ? hold.threadStack()
        : waits.get(0).ownerStack();
    TreeSet<Long> waiterIds = new TreeSet<>();
    long maxAge = 0;
    for (InFlightState w : waits) {
      waiterIds.add(w.thread().id());
      maxAge = Math.max(maxAge, w.ageNanos());
    }
    String signature = waiterIds + " owner " + (owner == null ? "?" : owner.id());
    LastingFindings.Presence presence = lasting.seen(key, signature);
    if (presence == LastingFindings.Presence.SAME) {
      long age = maxAge;
      sink.touch(key, b -> b.lastSeen(time).summary(lockSummary(lock, waits.size(), age, owner,
          hold)));
      return;
    }
    Finding.Builder b = Finding.builder(FindingType.STALL).severity(Severity.WARNING)
        .firstSeen(time).lastSeen(time).lock(lock.ref())
        .summary(lockSummary(lock, waits.size(), maxAge, owner, hold));
    for (InFlightState w : waits) {
      b.thread(w.thread()).stack(new StackRef("waiter " + name(w.thread()) + " blocked "
          + ms(w.ageNanos()) + " on " + lock.displayName(), w.thread(), "", lock.displayName(),
          w.threadStack()));
    }
    b.thread(owner).stack(new StackRef("owner " + name(owner) + " holds " + lock.displayName()
        + (hold != null ? " for " + ms(hold.ageNanos()) : ""), owner, lock.displayName(), "",
        ownerStack));
    report(key, presence, b, lock.stableKey());
  }

  private void poolStall(List<InFlightState> waits, Instant time) {
    ExecutorInfo p = waits.get(0).executor();
    String key = "stall|pool|" + p.stableKey();
    TreeSet<Long> waiterIds = new TreeSet<>();
    long maxAge = 0;
    for (InFlightState w : waits) {
      waiterIds.add(w.thread().id());
      maxAge = Math.max(maxAge, w.ageNanos());
    }
    LastingFindings.Presence presence = lasting.seen(key, waiterIds.toString());
    String summary = waits.size() + " thread(s) blocked for " + ms(maxAge)
        + " (and counting) waiting on tasks of pool " + p.displayName();
    if (presence == LastingFindings.Presence.SAME) {
      sink.touch(key, b -> b.lastSeen(time).summary(summary));
      return;
    }
    Finding.Builder b = Finding.builder(FindingType.STALL).severity(Severity.WARNING)
        .firstSeen(time).lastSeen(time).executor(p.ref()).summary(summary);
    for (InFlightState w : waits) {
      w.heldLocks().forEach(l -> b.lock(l.ref()));
      b.thread(w.thread()).stack(new StackRef("waiter " + name(w.thread()) + " blocked "
          + ms(w.ageNanos()) + " (" + w.waitKind() + ") on a task of " + p.displayName(),
          w.thread(), "", p.displayName(), w.threadStack()));
    }
    report(key, presence, b, null);
  }

  private void report(String key, LastingFindings.Presence presence, Finding.Builder b,
      String rankKey) {
    if (presence == LastingFindings.Presence.NEW) {
      sink.report(key, FindingType.STALL, b, rankKey == null ? List.of() : List.of(rankKey));
    } else {
      sink.replace(key, b);
    }
  }

  private void longHold(InFlightState s) {
    String key = "hold|" + s.lock().findingKey();
    if (sink.contains(key)) {
      return;
    }
    Finding.Builder b = Finding.builder(FindingType.LONG_HOLD).severity(Severity.WARNING)
        .firstSeen(s.time()).thread(s.thread()).lock(s.lock().ref())
        .summary("Lock " + s.lock().displayName() + " held for " + ms(s.ageNanos())
            + " (still held) by " + name(s.thread()) + " while " + s.waiters()
            + " thread(s) wait for it")
        .stack(new StackRef("holder " + name(s.thread()), s.thread(), s.lock().displayName(), "",
            s.threadStack()));
    sink.report(key, FindingType.LONG_HOLD, b,
        s.lock().stableKey() == null ? List.of() : List.of(s.lock().stableKey()));
  }

  private static String lockSummary(LockInfo lock, int waiters, long maxAge, ThreadRef owner,
      InFlightState hold) {
    return waiters + " thread(s) stalled " + ms(maxAge) + " (and counting) waiting for lock "
        + lock.displayName() + ", held by " + name(owner)
        + (hold != null ? " for " + ms(hold.ageNanos()) : "");
  }

  static String ms(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  static String name(ThreadRef t) {
    return t == null ? "an unknown thread" : "\"" + t.name() + "\"";
  }

  @Override
  public String toString() {
    return "StallDetector{stallNanos=" + stallNanos + ", longHoldNanos=" + longHoldNanos + "}";
  }
}
