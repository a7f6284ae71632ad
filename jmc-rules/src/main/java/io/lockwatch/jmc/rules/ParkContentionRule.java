package io.lockwatch.jmc.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.AbstractRule;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;

/**
 * What JMC's own rules ignore: {@code jdk.ThreadPark} contention per lock class (JMC's lock rule
 * only looks at monitors) and {@code jdk.VirtualThreadPinned}. Works on any recording, with or
 * without Lockwatch.
 */
public final class ParkContentionRule extends AbstractRule {
  static final TypedPreference<IQuantity> PARK_THRESHOLD = new TypedPreference<>(
      "lockwatch.park.threshold", "Park contention threshold",
      "Total time threads parked on one lock class (j.u.c. locks) above which it is reported.",
      UnitLookup.TIMESPAN, UnitLookup.MILLISECOND.quantity(500));
  private static final String[] NOT_LOCKS = {"ConditionObject", "CountDownLatch", "FutureTask",
      "CompletableFuture", "ForkJoin", "SynchronousQueue", "Exchanger", "Phaser", "TransferQueue",
      "CyclicBarrier"};

  /** Creates the rule; JMC finds it through the service loader. */
  public ParkContentionRule() {
    super("LockwatchParkContention", "Lockwatch: Lock Park Contention and Pinning",
        FindingFamilyRule.TOPIC, List.of(PARK_THRESHOLD), List.of(), Map.of());
  }

  @Override
  protected IResult getResult(IItemCollection items, IPreferenceValueProvider prefs,
      IResultValueProvider dependencies) {
    IQuantity q = prefs == null ? null : prefs.getPreferenceValue(PARK_THRESHOLD);
    long threshold = (q == null ? PARK_THRESHOLD.getDefaultValue() : q)
        .clampedLongValueIn(UnitLookup.NANOSECOND);
    Map<String, long[]> byClass = new HashMap<>();
    Map<String, String> stackByClass = new HashMap<>();
    for (IItemIterable it : items.apply(ItemFilters.type("jdk.ThreadPark"))) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        String cls = f.className(item, "parkedClass");
        if (!isLock(cls)) {
          continue;
        }
        long[] sum = byClass.computeIfAbsent(cls, k -> new long[3]);
        long d = f.durationNanos(item);
        sum[0]++;
        sum[1] += d;
        if (d > sum[2]) {
          sum[2] = d;
          stackByClass.put(cls, f.stack(item));
        }
      }
    }
    List<String> hot = new ArrayList<>(byClass.keySet());
    hot.removeIf(c -> byClass.get(c)[1] < threshold);
    hot.sort((a, b) -> Long.compare(byClass.get(b)[1], byClass.get(a)[1]));
    long pinnedCount = 0;
    long pinnedNanos = 0;
    String pinnedStack = "";
    String pinnedThread = "";
    long pinnedMax = 0;
    for (IItemIterable it : items.apply(ItemFilters.type("jdk.VirtualThreadPinned"))) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        long d = f.durationNanos(item);
        pinnedCount++;
        pinnedNanos += d;
        if (d >= pinnedMax) {
          pinnedMax = d;
          pinnedStack = f.stack(item);
          IMCThread t = f.eventThread(item);
          pinnedThread = ItemFields.threadName(t);
        }
      }
    }
    if (hot.isEmpty() && pinnedCount == 0) {
      return ResultBuilder.createFor(this, prefs).setSeverity(Severity.OK)
          .setSummary("No contended java.util.concurrent lock and no pinned virtual thread.")
          .setExplanation("Parks on lock classes (jdk.ThreadPark, parkedClass) stayed below the "
              + "threshold and no jdk.VirtualThreadPinned event was recorded.").build();
    }
    StringBuilder summary = new StringBuilder();
    StringBuilder expl = new StringBuilder();
    if (!hot.isEmpty()) {
      long[] top = byClass.get(hot.get(0));
      summary.append("Threads parked ").append(top[1] / 1_000_000).append(" ms in total on ")
          .append(hot.get(0)).append(". ");
      expl.append("jdk.ThreadPark per lock class (JMC's lock rules only see monitors):\n");
      for (String c : hot) {
        long[] s = byClass.get(c);
        expl.append("  - ").append(c).append(": ").append(s[0]).append(" parks, ")
            .append(s[1] / 1_000_000).append(" ms total, longest ").append(s[2] / 1_000_000)
            .append(" ms, at ").append(stackByClass.get(c).replace("\n", " <- ")).append('\n');
      }
    }
    if (pinnedCount > 0) {
      summary.append(pinnedCount).append(" virtual thread pinning event(s), ")
          .append(pinnedNanos / 1_000_000).append(" ms in total.");
      expl.append("\njdk.VirtualThreadPinned: ").append(pinnedCount).append(" events, longest ")
          .append(pinnedMax / 1_000_000).append(" ms on ").append(pinnedThread).append(" at ")
          .append(pinnedStack.replace("\n", " <- ")).append('\n');
    }
    return ResultBuilder.createFor(this, prefs).setSeverity(Severity.WARNING)
        .setSummary(clean(summary.toString().trim()))
        .setExplanation(clean(expl.toString()))
        .setSolution("For a contended lock class, find the lock instance with the Lockwatch "
            + "stall and long-hold rules and shorten its critical sections or split it. For "
            + "pinning, replace synchronized around blocking calls with ReentrantLock (before "
            + "JDK 24) and avoid blocking in native frames.").build();
  }

  private static boolean isLock(String cls) {
    if (cls == null || cls.isEmpty()) {
      return false;
    }
    for (String s : NOT_LOCKS) {
      if (cls.contains(s)) {
        return false;
      }
    }
    return true;
  }

  private static String clean(String s) {
    return s.replace('{', '(').replace('}', ')');
  }
}
