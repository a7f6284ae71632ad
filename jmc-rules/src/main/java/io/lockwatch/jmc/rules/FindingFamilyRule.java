package io.lockwatch.jmc.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.rules.AbstractRule;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/**
 * A rule for one family of Lockwatch finding types: WARNING with what happened, where and what to
 * do when the recording has such findings, OK when it has lockwatch events and none, N/A when it
 * has no lockwatch events at all.
 */
abstract class FindingFamilyRule extends AbstractRule {
  /** The topic of every Lockwatch rule. */
  static final String TOPIC = "lockwatch";
  private static final int MAX_LISTED = 10;

  private final Set<String> types;
  private final String family;

  FindingFamilyRule(String id, String name, String family, Set<String> types) {
    super(id, name, TOPIC, List.of(Thresholds.STALL_THRESHOLD, Thresholds.LONG_HOLD_THRESHOLD),
        List.of(), Map.of());
    this.types = Set.copyOf(types);
    this.family = family;
  }

  /** @return what such a finding means and why it is a hazard */
  abstract String meaning();

  /** @return what to do about it */
  abstract String solution();

  @Override
  protected IResult getResult(IItemCollection items, IPreferenceValueProvider prefs,
      IResultValueProvider dependencies) {
    IssueSource.Result source = IssueSource.of(items, Thresholds.of(prefs));
    if (source.origin() == IssueSource.Origin.NONE) {
      return RulesToolkit.getNotApplicableResult(this, prefs, "The recording has no Lockwatch "
          + "events. Record with the Lockwatch agent (-javaagent:lockwatch-agent.jar) to check "
          + "for " + family + ".");
    }
    List<Issue> found = new ArrayList<>();
    for (Issue i : source.issues()) {
      if (types.contains(i.type())) {
        found.add(i);
      }
    }
    String from = source.origin() == IssueSource.Origin.FINDING_EVENTS
        ? "the Lockwatch analyzer's finding events" : "the raw Lockwatch events";
    if (found.isEmpty()) {
      return ResultBuilder.createFor(this, prefs).setSeverity(Severity.OK)
          .setSummary("No " + family + " found.")
          .setExplanation("Checked " + from + " of this recording.").build();
    }
    return ResultBuilder.createFor(this, prefs).setSeverity(Severity.WARNING)
        .setSummary(clean(found.size() + " " + family + ": " + found.get(0).summary()))
        .setExplanation(clean(meaning() + "\n\nFound from " + from + ":\n" + describe(found)))
        .setSolution(clean(solution())).build();
  }

  private static String describe(List<Issue> found) {
    StringBuilder sb = new StringBuilder();
    for (int n = 0; n < found.size() && n < MAX_LISTED; n++) {
      Issue i = found.get(n);
      sb.append("\n").append(n + 1).append(". ").append(i.type()).append(" (").append(i.severity())
          .append(", ").append(i.status()).append("): ").append(i.summary()).append('\n');
      for (Issue.Part p : i.parts()) {
        sb.append("  - ");
        if (!p.thread().isEmpty()) {
          sb.append("thread ").append(p.thread());
        }
        if (!p.fromLock().isEmpty()) {
          sb.append(" holding ").append(p.fromLock());
        }
        if (!p.toLock().isEmpty() && !p.toLock().equals(p.fromLock())) {
          sb.append(", requests ").append(p.toLock());
        }
        if (!p.executor().isEmpty()) {
          sb.append(", executor ").append(p.executor());
        }
        sb.append('\n');
        appendStack(sb, "at", p.stack());
        appendStack(sb, "other side at", p.relatedStack());
      }
    }
    if (found.size() > MAX_LISTED) {
      sb.append("\n... and ").append(found.size() - MAX_LISTED).append(" more.");
    }
    return sb.toString();
  }

  private static void appendStack(StringBuilder sb, String label, String stack) {
    if (stack == null || stack.isBlank()) {
      return;
    }
    String[] frames = stack.split("\n");
    sb.append("    ").append(label).append(' ').append(frames[0]).append('\n');
    for (int f = 1; f < frames.length && f < ItemFields.MAX_FRAMES; f++) {
      sb.append("      ").append(frames[f]).append('\n');
    }
  }

  /** JMC treats braces as result placeholders. */
  private static String clean(String s) {
    return s.replace('{', '(').replace('}', ')');
  }
}
