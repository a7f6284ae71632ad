package io.lockwatch.agent;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingEventWriter;
import io.lockwatch.analyzer.findings.FindingListener;
import io.lockwatch.analyzer.findings.FindingStatus;
import io.lockwatch.events.FindingEvent;
import io.lockwatch.otel.LockwatchExporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands each finding of the in-process analyzer straight to the exporter, as the
 * {@code lockwatch.Finding} parts the analyzer writes into the recording (built, not committed),
 * so that a finding made after JFR stopped recording at exit is still exported
 * ({@link LockwatchExporter#findingReported}). Findings reported before the exporter has started
 * are kept (at most {@link #MAX_BUFFERED}) and handed over when it has.
 *
 * <p>The parts mirror {@code FindingEventWriter} of the analyzer: one per stack (a finding without
 * stacks has one empty part), the other side's stack as related stack of a two-part finding.
 *
 * <p>Runs on the analyzer's stream thread; never blocks (a private lock held for a few list
 * operations), never throws.
 */
final class FindingRelay implements FindingListener {
  static final int MAX_BUFFERED = 256;

  private final Object lock = new Object();
  private final ArrayDeque<List<FindingEvent>> buffered = new ArrayDeque<>(); // guarded by lock
  private LockwatchExporter exporter; // guarded by lock

  @Override
  public void onFinding(Finding f) {
    if (f.status() == FindingStatus.UPDATED) {
      return;
    }
    try {
      List<FindingEvent> parts = FindingEventWriter.events(f);
      LockwatchExporter target;
      synchronized (lock) {
        target = exporter;
        if (target == null) {
          if (buffered.size() >= MAX_BUFFERED) {
            buffered.pollFirst();
          }
          buffered.addLast(parts);
          return;
        }
      }
      target.findingReported(parts);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      // fail open: the finding is still exported by the stream, just not at exit
    }
  }

  /**
   * Connects the exporter once it has started and hands it what was reported before.
   *
   * @param started the started exporter, not {@code null}
   */
  void exporterStarted(LockwatchExporter started) {
    List<List<FindingEvent>> earlier;
    synchronized (lock) {
      exporter = started;
      earlier = new ArrayList<>(buffered);
      buffered.clear();
    }
    for (List<FindingEvent> parts : earlier) {
      started.findingReported(parts);
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "FindingRelay{exporter=" + exporter + ", buffered=" + buffered.size() + "}";
    }
  }
}
