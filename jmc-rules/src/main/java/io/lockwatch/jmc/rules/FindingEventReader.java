package io.lockwatch.jmc.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.ItemFilters;

/**
 * Rebuilds findings from {@code lockwatch.Finding} events: the events of one finding share its id,
 * one per part; an updated or resolved finding is written again, and the latest write wins.
 */
final class FindingEventReader {
  static final String FINDING_EVENT = "lockwatch.Finding";

  private FindingEventReader() {}

  static boolean hasFindings(IItemCollection items) {
    return items.apply(ItemFilters.type(FINDING_EVENT)).hasItems();
  }

  static List<Issue> read(IItemCollection items) {
    Map<String, Draft> drafts = new LinkedHashMap<>();
    for (IItemIterable it : items.apply(ItemFilters.type(FINDING_EVENT))) {
      ItemFields f = new ItemFields(it.getType());
      for (IItem item : it) {
        String id = f.string(item, "findingId");
        long time = f.startNanos(item);
        Draft d = drafts.computeIfAbsent(id, k -> new Draft());
        String status = f.string(item, "status");
        if (time > d.time || d.type == null) {
          if (time > d.time) {
            d.parts.clear();
          }
          d.time = time;
          d.type = f.string(item, "type");
          d.severity = f.string(item, "severity");
          d.summary = f.string(item, "summary");
          d.status = status;
        }
        if (time == d.time) {
          d.parts.put((int) f.number(item, "part"), new Issue.Part(f.string(item, "threadName"),
              f.string(item, "fromLock"), f.string(item, "toLock"),
              f.string(item, "executorName"), f.string(item, "stack"),
              f.string(item, "relatedStack")));
        }
      }
    }
    List<Issue> issues = new ArrayList<>(drafts.size());
    drafts.forEach((id, d) -> issues.add(new Issue(id, d.type, d.severity, d.summary, d.status,
        new ArrayList<>(d.parts.values()))));
    return issues;
  }

  /** The latest write of one finding while reading. */
  private static final class Draft {
    long time = Long.MIN_VALUE;
    String type;
    String severity;
    String summary;
    String status;
    final Map<Integer, Issue.Part> parts = new TreeMap<>();
  }
}
