package io.lockwatch.analyzer.hazard;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.findings.Severity;
import io.lockwatch.analyzer.findings.StackRef;
import io.lockwatch.analyzer.findings.ThreadRef;
import io.lockwatch.analyzer.internal.ExecutorInfo;
import io.lockwatch.analyzer.internal.FindingSink;
import io.lockwatch.analyzer.internal.LockInfo;
import io.lockwatch.analyzer.internal.LongLruMap;
import io.lockwatch.analyzer.internal.RecencyIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hazards judged one event at a time: {@code WAIT_UNDER_LOCK} (a BlockingWait event, an in-flight
 * blocking wait under locks, or a JDK
 * socket/file read or sleep overlapping a LockHold of the same thread), {@code LONG_HOLD} (a LockHold
 * past the threshold with waiters at release, or with other threads' recorded waits for the lock
 * inside it, such as timed-out {@code tryLock} attempts), {@code SELF_DEADLOCK} and {@code
 * VIRTUAL_THREAD_PINNED} (a jdk.VirtualThreadPinned event, tied to the monitor the thread held when
 * a hold overlaps it).
 *
 * <p>Correlation: a hold event is committed at release, after the I/O inside it, so each thread keeps
 * a short ring of its recent I/O and holds ({@value #RING} each, {@value #MAX_THREADS} threads at
 * most); whichever arrives second finds the first.
 */
public final class HazardDetector {
  static final int RING = 16;
  static final int MAX_THREADS = 4_096;
  static final int MAX_LOCKS = 4_096;

  private final FindingSink sink;
  private final long longHoldNanos;
  private final LongLruMap<Recent> recent = new LongLruMap<>(MAX_THREADS);
  private final RecencyIndex<LockRecent> locks = new RecencyIndex<>(MAX_LOCKS);

  /**
   * @param sink where findings go
   * @param longHoldNanos long-hold threshold
   */
  public HazardDetector(FindingSink sink, long longHoldNanos) {
    this.sink = sink;
    this.longHoldNanos = longHoldNanos;
  }

  /** A blocking wait (future, latch, join, sleep, I/O) made while holding locks. */
  public void onBlockingWait(ThreadRef t, String kind, List<LockInfo> held, ExecutorInfo executor,
      List<String> frames, Instant start, Duration d) {
    if (held.isEmpty() || sink.contains(inFlightKey(t, kind, held))) {
      return; // already reported while it was in progress
    }
    StringBuilder key = new StringBuilder("waitlock|").append(kind);
    for (LockInfo l : held) {
      key.append('|').append(l.stableOrClassKey());
    }
    key.append('|').append(callSite(frames));
    waitUnderLock(key.toString(), t, kind, held, executor, frames, start, ms(d));
  }

  /**
   * A blocking wait under locks still in progress in an in-flight snapshot: it may never end (the
   * pool it waits on needs the lock), so it is reported now, once per thread, kind and locks.
   */
  public void onBlockingWaitInFlight(ThreadRef t, String kind, List<LockInfo> held,
      ExecutorInfo executor, List<String> frames, Instant start, Duration age) {
    if (held.isEmpty()) {
      return;
    }
    waitUnderLock(inFlightKey(t, kind, held), t, kind, held, executor, frames, start,
        ms(age) + " (and counting)");
  }

  private static String inFlightKey(ThreadRef t, String kind, List<LockInfo> held) {
    StringBuilder key = new StringBuilder("waitlock-inflight|").append(t == null ? 0 : t.id())
        .append('|').append(kind);
    for (LockInfo l : held) {
      key.append('|').append(l.stableOrClassKey());
    }
    return key.toString();
  }

  private void waitUnderLock(String key, ThreadRef t, String kind, List<LockInfo> held,
      ExecutorInfo executor, List<String> frames, Instant start, String howLong) {
    if (sink.contains(key)) {
      return;
    }
    List<String> rank = new ArrayList<>();
    for (LockInfo l : held) {
      if (l.stableKey() != null) {
        rank.add(l.stableKey());
      }
    }
    String locks = String.join(", ", held.stream().map(LockInfo::displayName).toList());
    Finding.Builder b = Finding.builder(FindingType.WAIT_UNDER_LOCK).severity(Severity.WARNING)
        .firstSeen(start).thread(t)
        .summary("Thread " + name(t) + " blocked " + howLong + " in a " + kind + " wait"
            + (executor != null ? " on a task of pool " + executor.displayName() : "")
            + " while holding " + locks + "; every thread that needs " + (held.size() > 1
            ? "these locks" : "this lock") + " waits with it")
        .stack(new StackRef(kind + " wait while holding " + locks, t, locks,
            executor != null ? executor.displayName() : kind, frames));
    held.forEach(l -> b.lock(l.ref()));
    if (executor != null) {
      b.executor(executor.ref());
    }
    sink.report(key, FindingType.WAIT_UNDER_LOCK, b, rank);
  }

  /**
   * A contended wait for a lock that ended (acquired, timed out or interrupted). Kept a short while
   * per lock: a timed-out {@code tryLock} is over before the hold it waited for ends, so the holder's
   * release may find no waiter although threads gave up on the lock during the hold. Files are read
   * in start-time order and streams in commit order, so whichever of the wait and the hold arrives
   * second finds the first.
   */
  public void onLockWait(ThreadRef t, LockInfo lock, Instant start, Duration d) {
    if (t == null) {
      return;
    }
    LockRecent r = lockRecent(lock);
    Wait w = new Wait(t.id(), start, start.plus(d));
    push(r.waits, w);
    for (QuietHold h : r.quietHolds) {
      if (h.thread.id() != w.threadId && w.overlaps(h.start, h.start.plus(h.duration))) {
        int waiters = waitersDuring(r, h.thread, h.start, h.start.plus(h.duration));
        longHold(h.thread, h.lock, waiters, h.start, h.duration, h.frames);
      }
    }
  }

  /**
   * A lock hold that ended: LONG_HOLD, and I/O correlation.
   *
   * @param waitersAtRelease the threads waiting for the lock when it was released
   */
  public void onLockHold(ThreadRef t, LockInfo lock, int waitersAtRelease,
      Instant start, Duration d, Supplier<List<String>> frames) {
    if (d.toNanos() >= longHoldNanos) {
      int waiters = waitersAtRelease;
      if (waiters == 0 && t != null) {
        LockRecent r = lockRecent(lock);
        waiters = waitersDuring(r, t, start, start.plus(d));
        if (waiters == 0) {
          push(r.quietHolds, new QuietHold(t, lock, start, d, frames));
        }
      }
      if (waiters > 0) {
        longHold(t, lock, waiters, start, d, frames);
      }
    }
    if (t == null) {
      return;
    }
    Hold h = new Hold(lock, start, start.plus(d), frames);
    Recent r = recent(t.id());
    for (Io io : r.ios) {
      if (overlaps(io.start, io.end, h.start, h.end)) {
        ioUnderLock(t, io, h);
      }
    }
    push(r.holds, h);
  }

  /**
   * A JDK socket read, file read or sleep: WAIT_UNDER_LOCK if it overlaps a hold. Reads made to
   * load a class (the JVM reads the class file while the caller holds whatever it holds: a one-off
   * on a code path's first run, not a design problem) and reads by Lockwatch itself are not judged.
   */
  public void onIo(ThreadRef t, String what, Instant start, Duration d, List<String> frames) {
    if (t == null || classLoadingOrOwn(frames)) {
      return;
    }
    Io io = new Io(what, start, start.plus(d), frames, d);
    Recent r = recent(t.id());
    for (Hold h : r.holds) {
      if (overlaps(io.start, io.end, h.start, h.end)) {
        ioUnderLock(t, io, h);
      }
    }
    push(r.ios, io);
  }

  /** A non-reentrant re-entry or a read to write upgrade. */
  public void onSelfDeadlock(ThreadRef t, LockInfo lock, String heldMode, String requestedMode,
      String kind, List<String> frames, Instant time) {
    String key = "reentry|" + lock.findingKey() + "|" + kind + "|"
        + (frames.isEmpty() ? "" : frames.get(0));
    if (sink.contains(key)) {
      return;
    }
    String what = "upgrade".equals(kind)
        ? "requested the write lock of " + lock.displayName() + " while holding its read lock "
            + "(a read to write upgrade always deadlocks)"
        : "re-acquired the non-reentrant lock " + lock.displayName() + " (" + requestedMode
            + ") that it already holds (" + heldMode + "): it waits for itself forever";
    Finding.Builder b = Finding.builder(FindingType.SELF_DEADLOCK).severity(Severity.CRITICAL)
        .firstSeen(time).thread(t).lock(lock.ref())
        .summary("Self-deadlock: thread " + name(t) + " " + what)
        .stack(new StackRef(kind + " of " + lock.displayName(), t, lock.displayName(),
            lock.displayName(), frames));
    sink.report(key, FindingType.SELF_DEADLOCK, b, List.of());
  }

  /** A virtual thread pinned to its carrier while blocking. */
  public void onPinned(ThreadRef t, Instant start, Duration d, List<String> frames) {
    Hold monitor = null;
    if (t != null) {
      for (Hold h : recent(t.id()).holds) {
        if (overlaps(start, start.plus(d), h.start, h.end)) {
          monitor = h;
        }
      }
    }
    String key = "pinned|" + (frames.isEmpty() ? "" : frames.get(0));
    if (sink.contains(key)) {
      return;
    }
    Finding.Builder b = Finding.builder(FindingType.VIRTUAL_THREAD_PINNED)
        .severity(monitor != null ? Severity.WARNING : Severity.INFO).firstSeen(start).thread(t)
        .summary("Virtual thread " + name(t) + " was pinned to its carrier for " + ms(d)
            + " while blocking" + (monitor != null ? ", holding monitor "
            + monitor.lock.displayName() : "") + "; other virtual threads cannot use the carrier")
        .stack(new StackRef("pinned while blocking", t,
            monitor != null ? monitor.lock.displayName() : "", "", frames));
    if (monitor != null) {
      b.lock(monitor.lock.ref());
    }
    sink.report(key, FindingType.VIRTUAL_THREAD_PINNED, b, List.of());
  }

  private void ioUnderLock(ThreadRef t, Io io, Hold h) {
    String key = "waitlock|" + io.what + "|" + h.lock.stableOrClassKey() + "|"
        + callSite(io.frames);
    if (sink.contains(key)) {
      return;
    }
    Finding.Builder b = Finding.builder(FindingType.WAIT_UNDER_LOCK).severity(Severity.WARNING)
        .firstSeen(io.start).thread(t).lock(h.lock.ref())
        .summary("Thread " + name(t) + " spent " + ms(io.duration) + " in " + io.what
            + " while holding " + h.lock.displayName() + "; every thread that needs it waits too")
        .stack(new StackRef(io.what + " while holding " + h.lock.displayName(), t,
            h.lock.displayName(), io.what, io.frames))
        .stack(new StackRef("hold of " + h.lock.displayName() + " (stack at release)", t,
            h.lock.displayName(), "", h.frames.get()));
    sink.report(key, FindingType.WAIT_UNDER_LOCK, b,
        h.lock.stableKey() == null ? List.of() : List.of(h.lock.stableKey()));
  }

  private void longHold(ThreadRef t, LockInfo lock, int waiters, Instant start, Duration d,
      Supplier<List<String>> frames) {
    String key = "hold|" + lock.findingKey();
    if (sink.contains(key)) {
      return;
    }
    Finding.Builder b = Finding.builder(FindingType.LONG_HOLD).severity(Severity.WARNING)
        .firstSeen(start).thread(t).lock(lock.ref())
        .summary("Lock " + lock.displayName() + " held for " + ms(d) + " by " + name(t)
            + " while " + waiters + " thread(s) waited for it")
        .stack(new StackRef("holder " + name(t) + " (stack at release)", t,
            lock.displayName(), "", frames.get()));
    sink.report(key, FindingType.LONG_HOLD, b,
        lock.stableKey() == null ? List.of() : List.of(lock.stableKey()));
  }

  /** Distinct other threads whose recorded waits for the lock overlap the hold. */
  private static int waitersDuring(LockRecent r, ThreadRef holder, Instant start, Instant end) {
    List<Long> seen = new ArrayList<>(2);
    for (Wait w : r.waits) {
      if (w.threadId != holder.id() && w.overlaps(start, end) && !seen.contains(w.threadId)) {
        seen.add(w.threadId);
      }
    }
    return seen.size();
  }

  @SuppressWarnings("unchecked")
  private LockRecent lockRecent(LockInfo lock) {
    // The lock keeps its key's entry (dropped when its key changes): no lookup by key.
    String key = lock.findingKey();
    RecencyIndex.Entry<LockRecent> e =
        locks.get(key, (RecencyIndex.Entry<LockRecent>) lock.keyEntry());
    if (e == null) {
      e = locks.put(key, new LockRecent());
    }
    lock.keyEntry(e);
    return e.value;
  }

  private Recent recent(long threadId) {
    Recent r = recent.get(threadId);
    if (r == null) {
      r = new Recent();
      recent.put(threadId, r);
    }
    return r;
  }

  private static <T> void push(ArrayDeque<T> ring, T v) {
    if (ring.size() == RING) {
      ring.removeFirst();
    }
    ring.addLast(v);
  }

  private static boolean overlaps(Instant s1, Instant e1, Instant s2, Instant e2) {
    return !s1.isBefore(s2) && !e1.isAfter(e2); // the I/O lies within the hold
  }

  static boolean classLoadingOrOwn(List<String> frames) {
    for (String f : frames) {
      if (f.startsWith("java.lang.ClassLoader.loadClass")
          || f.startsWith("jdk.internal.loader.BuiltinClassLoader.loadClass")
          || f.startsWith("jdk.internal.loader.BuiltinClassLoader.defineClass")
          || f.startsWith("java.net.URLClassLoader.defineClass")
          || f.startsWith("io.lockwatch.analyzer.source.") || f.startsWith("io.lockwatch.otel.")
          || f.startsWith("io.lockwatch.agent.") || f.startsWith("io.lockwatch.runtime.")) {
        return true;
      }
    }
    return false;
  }

  /** The first frame outside the JDK: the code that made the call (the whole key of a site). */
  static String callSite(List<String> frames) {
    for (String f : frames) {
      if (!f.startsWith("java.") && !f.startsWith("jdk.") && !f.startsWith("sun.")) {
        return f;
      }
    }
    return frames.isEmpty() ? "" : frames.get(0);
  }

  static String ms(Duration d) {
    return d.toMillis() + " ms";
  }

  static String name(ThreadRef t) {
    return t == null ? "?" : "\"" + t.name() + "\"";
  }

  private record Hold(LockInfo lock, Instant start, Instant end,
      Supplier<List<String>> frames) {}

  private record Wait(long threadId, Instant start, Instant end) {
    boolean overlaps(Instant s, Instant e) {
      return start.isBefore(e) && end.isAfter(s);
    }
  }

  /** A hold past the long-hold threshold with no waiter at release (yet). */
  private record QuietHold(ThreadRef thread, LockInfo lock, Instant start, Duration duration,
      Supplier<List<String>> frames) {}

  private static final class LockRecent {
    final ArrayDeque<Wait> waits = new ArrayDeque<>(4);
    final ArrayDeque<QuietHold> quietHolds = new ArrayDeque<>(2);
  }

  private record Io(String what, Instant start, Instant end, List<String> frames, Duration duration) {}

  private static final class Recent {
    final ArrayDeque<Io> ios = new ArrayDeque<>(4);
    final ArrayDeque<Hold> holds = new ArrayDeque<>(4);
  }
}
