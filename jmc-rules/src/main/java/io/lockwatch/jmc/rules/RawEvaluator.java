package io.lockwatch.jmc.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.ItemFilters;

/**
 * Derives findings from the raw lockwatch events of a recording that has no finding events,
 * through JMC's item API (JMC hands rules an item collection, not a file, so the analyzer's
 * {@code RecordedEvent} engine cannot run here). It covers each family with the engine's core
 * judgement: lock-order cycles (pools included) without a common gate lock, wait-for cycles and stalls in the last
 * in-flight snapshot, long lock waits and holds, blocking waits under a lock, waits of a pool
 * worker on its own pool, self-deadlocks, and virtual threads pinned while holding a lock.
 */
final class RawEvaluator {
  static final String[] RAW_EVENTS = {"lockwatch.LockOrder", "lockwatch.LockHold",
      "lockwatch.LockWait", "lockwatch.BlockingWait", "lockwatch.InFlight",
      "lockwatch.SelfDeadlock", "lockwatch.TaskExecution", "lockwatch.ExecutorSubmit"};

  private final IItemCollection items;
  private final Thresholds thresholds;
  private final List<Issue> issues = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<Long, String> lockLabels = new HashMap<>();

  RawEvaluator(IItemCollection items, Thresholds thresholds) {
    this.items = items;
    this.thresholds = thresholds;
  }

  /**
   * The agent's periodic health event: a recording made under the agent has it even when the
   * program took no instrumented lock for long enough to leave any other raw event.
   */
  static final String AGENT_PRESENT_EVENT = "lockwatch.RuntimeHealth";

  static boolean hasRawEvents(IItemCollection items) {
    Set<String> types = new HashSet<>(List.of(RAW_EVENTS));
    types.add(AGENT_PRESENT_EVENT);
    return items.apply(ItemFilters.type(types)).hasItems();
  }

  List<Issue> evaluate() {
    Map<Long, Long> workerPools = workerPools();
    new RawLockOrder(this).evaluate(workerPools);
    inFlight();
    holdsAndWaits();
    blockingWaits(workerPools);
    selfDeadlocks();
    pinned();
    return issues;
  }

  Iterable<IItemIterable> each(String eventName) {
    return items.apply(ItemFilters.type(eventName));
  }

  String lockLabel(long id, String className, String name) {
    String label = name == null || name.isEmpty()
        ? simpleName(className) + "@" + Long.toHexString(id) : name;
    lockLabels.putIfAbsent(id, label);
    return lockLabels.get(id);
  }

  String lockLabel(long id) {
    return lockLabels.getOrDefault(id, "lock@" + Long.toHexString(id));
  }

  void add(String dedupKey, String type, String severity, String summary, List<Issue.Part> parts) {
    if (seen.add(type + '|' + dedupKey)) {
      issues.add(new Issue("raw-" + (issues.size() + 1), type, severity, summary, "raw", parts));
    }
  }

  private void inFlight() {
    long last = Long.MIN_VALUE;
    for (IItemIterable it : each("lockwatch.InFlight")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        last = Math.max(last, f.number(item, "snapshotId"));
      }
    }
    Map<Long, Issue.Part> waits = new LinkedHashMap<>();
    Map<Long, Long> waitsFor = new HashMap<>();
    for (IItemIterable it : each("lockwatch.InFlight")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        if (f.number(item, "snapshotId") != last) {
          continue;
        }
        if ("blocking-wait".equals(f.string(item, "state"))) {
          inFlightSelfWait(f, item);
          continue;
        }
        if (!"lock-wait".equals(f.string(item, "state"))) {
          continue;
        }
        IMCThread t = f.thread(item, "thread");
        IMCThread owner = f.thread(item, "owner");
        if (t == null || t.getThreadId() == null) {
          continue;
        }
        String lock = lockLabel(f.number(item, "lockId"), f.className(item, "lockClass"),
            f.string(item, "lockName"));
        Issue.Part p = new Issue.Part(ItemFields.threadName(t), f.string(item, "heldLocks"), lock,
            "", f.string(item, "threadStack"), f.string(item, "ownerStack"));
        waits.put(t.getThreadId(), p);
        if (owner != null && owner.getThreadId() != null) {
          waitsFor.put(t.getThreadId(), owner.getThreadId());
        }
        long age = f.nanos(item, "age");
        if (age >= thresholds.stallNanos()) {
          add("stall:" + lock, "STALL", "WARNING", ItemFields.threadName(t) + " has waited "
              + millis(age) + " ms for " + lock + " held by " + ItemFields.threadName(owner)
              + " (in flight at the end of the recording)", List.of(p));
        }
      }
    }
    Set<Long> reported = new HashSet<>();
    for (Long start : waitsFor.keySet()) {
      List<Long> path = new ArrayList<>();
      Long cur = start;
      while (cur != null && !path.contains(cur) && !reported.contains(cur)) {
        path.add(cur);
        cur = waitsFor.get(cur);
      }
      if (cur == null || reported.contains(cur)) {
        continue;
      }
      List<Long> cycle = path.subList(path.indexOf(cur), path.size());
      reported.addAll(cycle);
      List<Issue.Part> parts = new ArrayList<>();
      StringBuilder who = new StringBuilder();
      for (Long id : cycle) {
        Issue.Part p = waits.get(id);
        parts.add(p);
        who.append(who.length() == 0 ? "" : ", ").append(p.thread()).append(" waits for ")
            .append(p.toLock());
      }
      add("deadlock:" + new java.util.TreeSet<>(cycle), "DEADLOCK", "CRITICAL",
          "Deadlock of " + cycle.size() + " threads: " + who, parts);
    }
  }

  /** A worker still blocked at the end on a task of its own pool (the wait never ended). */
  private void inFlightSelfWait(ItemFields f, IItem item) {
    long executorId = f.number(item, "executorId");
    if (executorId == 0 || executorId != f.number(item, "runningExecutorId")) {
      return;
    }
    String t = ItemFields.threadName(f.thread(item, "thread"));
    String pool = f.string(item, "executorName");
    add("selfwait:" + executorId, "POOL_SELF_WAIT", "WARNING", "A worker of pool " + pool
        + " (" + t + ") waits on a task of the same pool (in flight at the end of the recording):"
        + " with every worker doing this the pool starves",
        List.of(new Issue.Part(t, f.string(item, "heldLocks"), "", pool,
            f.string(item, "threadStack"), "")));
  }

  private void holdsAndWaits() {
    for (IItemIterable it : each("lockwatch.LockWait")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        long d = f.durationNanos(item);
        if (d < thresholds.stallNanos()) {
          continue;
        }
        String lock = lockLabel(f.number(item, "lockId"), f.className(item, "lockClass"),
            f.string(item, "lockName"));
        String t = ItemFields.threadName(f.eventThread(item));
        String owner = ItemFields.threadName(f.thread(item, "owner"));
        add("stall:" + lock, "STALL", "WARNING", t + " waited " + millis(d) + " ms for " + lock
            + (owner.isEmpty() ? "" : " held by " + owner), List.of(new Issue.Part(t,
                f.string(item, "heldLocks"), lock, "", f.stack(item), "")));
      }
    }
    for (IItemIterable it : each("lockwatch.LockHold")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        long d = f.durationNanos(item);
        long waiters = f.number(item, "waitersAtRelease");
        if (d < thresholds.longHoldNanos() || waiters <= 0) {
          continue;
        }
        String lock = lockLabel(f.number(item, "lockId"), f.className(item, "lockClass"),
            f.string(item, "lockName"));
        String t = ItemFields.threadName(f.eventThread(item));
        add("hold:" + lock, "LONG_HOLD", "WARNING", t + " held " + lock + " for " + millis(d)
            + " ms while " + waiters + " thread(s) waited for it", List.of(new Issue.Part(t, lock,
                "", "", f.stack(item), "")));
      }
    }
  }

  /** @return the pool of each worker thread (by Java thread id), from task executions */
  private Map<Long, Long> workerPools() {
    Map<Long, Long> workerPool = new HashMap<>();
    for (IItemIterable it : each("lockwatch.TaskExecution")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        IMCThread w = f.thread(item, "worker");
        if (w == null) {
          w = f.eventThread(item);
        }
        if (w != null && w.getThreadId() != null) {
          workerPool.put(w.getThreadId(), f.number(item, "executorId"));
        }
      }
    }
    return workerPool;
  }

  private void blockingWaits(Map<Long, Long> workerPool) {
    for (IItemIterable it : each("lockwatch.BlockingWait")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        IMCThread thread = f.eventThread(item);
        String t = ItemFields.threadName(thread);
        String kind = f.string(item, "waitKind");
        String held = f.string(item, "heldLocks");
        String heldIds = f.string(item, "heldLockIds");
        String pool = f.string(item, "executorName");
        String stack = f.stack(item);
        if (!heldIds.isBlank()) {
          String locks = held.isBlank() ? heldIds : held;
          add("wait:" + locks + "|" + kind + "|" + firstLine(stack), "WAIT_UNDER_LOCK", "WARNING",
              t + " blocked on a " + kind + " wait for " + millis(f.durationNanos(item))
                  + " ms while holding " + locks,
              List.of(new Issue.Part(t, locks, "", pool, stack, "")));
        }
        long executorId = f.number(item, "executorId");
        Long own = thread == null || thread.getThreadId() == null ? null
            : workerPool.get(thread.getThreadId());
        if (executorId != 0 && own != null && own == executorId) {
          add("selfwait:" + executorId, "POOL_SELF_WAIT", "WARNING", "A worker of pool " + pool
              + " (" + t + ") waits on a task of the same pool: with every worker doing this the "
              + "pool starves", List.of(new Issue.Part(t, held, "", pool, stack, "")));
        }
      }
    }
  }

  private void selfDeadlocks() {
    for (IItemIterable it : each("lockwatch.SelfDeadlock")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        String lock = lockLabel(f.number(item, "lockId"), f.className(item, "lockClass"),
            f.string(item, "lockName"));
        String t = ItemFields.threadName(f.eventThread(item));
        String kind = f.string(item, "kind");
        add("self:" + lock + "|" + kind, "SELF_DEADLOCK", "CRITICAL", t + " requested "
            + f.string(item, "requestedMode") + " on " + lock + " while holding it in "
            + f.string(item, "heldMode") + " mode (" + kind + ")",
            List.of(new Issue.Part(t, lock, lock, "", f.stack(item), "")));
      }
    }
  }

  private void pinned() {
    Map<Long, List<long[]>> holdsByThread = new HashMap<>();
    Map<Long, List<String>> holdLocks = new HashMap<>();
    for (IItemIterable it : each("lockwatch.LockHold")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        IMCThread t = f.eventThread(item);
        if (t == null || t.getThreadId() == null) {
          continue;
        }
        long start = f.startNanos(item);
        holdsByThread.computeIfAbsent(t.getThreadId(), k -> new ArrayList<>())
            .add(new long[] {start, start + f.durationNanos(item)});
        holdLocks.computeIfAbsent(t.getThreadId(), k -> new ArrayList<>()).add(lockLabel(
            f.number(item, "lockId"), f.className(item, "lockClass"), f.string(item, "lockName")));
      }
    }
    for (IItemIterable it : each("jdk.VirtualThreadPinned")) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        IMCThread t = f.eventThread(item);
        if (t == null || t.getThreadId() == null) {
          continue;
        }
        long start = f.startNanos(item);
        long end = start + f.durationNanos(item);
        List<long[]> holds = holdsByThread.getOrDefault(t.getThreadId(), List.of());
        for (int i = 0; i < holds.size(); i++) {
          long[] h = holds.get(i);
          if (h[0] <= end && start <= h[1]) {
            String lock = holdLocks.get(t.getThreadId()).get(i);
            String stack = f.stack(item);
            add("pinned:" + lock + "|" + firstLine(stack), "VIRTUAL_THREAD_PINNED", "WARNING",
                "Virtual thread " + ItemFields.threadName(t) + " was pinned to its carrier for "
                    + millis(f.durationNanos(item)) + " ms while holding " + lock,
                List.of(new Issue.Part(ItemFields.threadName(t), lock, "", "", stack, "")));
            break;
          }
        }
      }
    }
  }

  static String simpleName(String className) {
    if (className == null || className.isEmpty()) {
      return "lock";
    }
    int dot = className.lastIndexOf('.');
    return dot < 0 ? className : className.substring(dot + 1);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
