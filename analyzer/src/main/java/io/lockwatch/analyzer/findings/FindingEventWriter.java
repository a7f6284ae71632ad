package io.lockwatch.analyzer.findings;

import io.lockwatch.events.FindingEvent;
import java.util.List;

/**
 * Writes each finding into the running recordings as {@code lockwatch.Finding} events, one event
 * per stack (edge of a cycle, waiter, owner) sharing the finding id, so that a recording opened later
 * in JMC shows it. Does nothing while no recording enables the event.
 */
public final class FindingEventWriter implements FindingListener {
  @Override
  public void onFinding(Finding f) {
    FindingEvent probe = new FindingEvent();
    if (!probe.isEnabled()) {
      return;
    }
    List<StackRef> stacks = f.stacks().isEmpty()
        ? List.of(new StackRef("", null, "", "", List.of())) : f.stacks();
    int parts = stacks.size();
    for (int i = 0; i < parts; i++) {
      StackRef s = stacks.get(i);
      FindingEvent e = i == 0 ? probe : new FindingEvent();
      e.findingId = f.id();
      e.type = f.type().name();
      e.severity = f.severity().name();
      e.summary = f.summary();
      e.firstSeen = f.firstSeen().toEpochMilli();
      e.status = f.status().label();
      e.part = i;
      e.parts = parts;
      ThreadRef t = s.thread() != null ? s.thread()
          : f.threads().isEmpty() ? null : f.threads().get(0);
      e.threadName = t == null ? "" : t.name();
      e.threadId = t == null ? 0 : t.id();
      e.fromLock = s.from();
      e.toLock = s.to();
      e.fromLockClass = classOf(f, s.from());
      e.toLockClass = classOf(f, s.to());
      ExecutorRef ex = f.executors().isEmpty() ? null : f.executors().get(0);
      e.executorName = ex == null ? "" : ex.name();
      e.executorClass = ex == null ? "" : ex.className();
      e.stack = String.join("\n", s.frames());
      e.relatedStack = parts == 2 ? String.join("\n", stacks.get(1 - i).frames()) : "";
      e.commit();
    }
  }

  private static String classOf(Finding f, String lockName) {
    for (LockRef l : f.locks()) {
      if (l.name().equals(lockName)) {
        return l.className();
      }
    }
    return "";
  }

  @Override
  public String toString() {
    return "FindingEventWriter";
  }
}
