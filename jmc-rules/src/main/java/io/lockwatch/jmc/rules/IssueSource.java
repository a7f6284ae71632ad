package io.lockwatch.jmc.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.openjdk.jmc.common.item.IItemCollection;

/**
 * The findings of one recording for every rule of the pack: read from finding events when present,
 * otherwise derived from raw events; computed once per item collection and thresholds, since JMC
 * evaluates the rules in parallel over the same collection.
 */
final class IssueSource {
  /** Where the findings of a recording came from. */
  enum Origin { FINDING_EVENTS, RAW_EVENTS, NONE }

  private static final Object LOCK = new Object();
  private static final Map<IItemCollection, Map<Thresholds, Result>> CACHE = new WeakHashMap<>();

  private IssueSource() {}

  static Result of(IItemCollection items, Thresholds thresholds) {
    synchronized (LOCK) {
      return CACHE.computeIfAbsent(items, k -> new HashMap<>())
          .computeIfAbsent(thresholds, t -> compute(items, t));
    }
  }

  private static Result compute(IItemCollection items, Thresholds thresholds) {
    if (FindingEventReader.hasFindings(items)) {
      return new Result(Origin.FINDING_EVENTS, FindingEventReader.read(items));
    }
    if (RawEvaluator.hasRawEvents(items)) {
      return new Result(Origin.RAW_EVENTS, new RawEvaluator(items, thresholds).evaluate());
    }
    return new Result(Origin.NONE, List.of());
  }

  /**
   * The findings and their origin.
   *
   * @param origin where they came from
   * @param issues the findings
   */
  record Result(Origin origin, List<Issue> issues) {}
}
