package io.lockwatch.otel.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordedEvent;

/**
 * The agent's own health as last reported by {@code lockwatch.RuntimeHealth} events, plus the
 * exporter's own dropped records; exposed as observed counters.
 *
 * <p>Concurrency: the stream thread writes the agent counters, export threads add drops, metric
 * readers read them at any time; every field is volatile or atomic.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class AgentHealth {
  /** Signal names of {@link LockwatchMetric#EXPORTER_DROPPED}. */
  static final String LOGS = "logs";
  static final String METRICS = "metrics";
  /** Reasons of {@link LockwatchMetric#EXPORTER_DROPPED}. */
  static final String QUEUE_FULL = "queue_full";
  static final String EXPORT_FAILED = "export_failed";

  private volatile long locksDropped;
  private volatile long edgesDropped;
  private volatile long threadsDropped;
  private volatile long tasksDropped;
  private volatile long unmatchedReleases;
  private volatile long suppressedErrors;
  private final AtomicLong logsQueueFull = new AtomicLong();
  private final AtomicLong logsExportFailed = new AtomicLong();
  private final AtomicLong metricsExportFailed = new AtomicLong();

  /**
   * Takes the cumulative counters of a {@code lockwatch.RuntimeHealth} event.
   *
   * @param event the event, not {@code null}
   */
  public void onRuntimeHealth(RecordedEvent event) {
    locksDropped = event.getLong("locksDropped");
    edgesDropped = event.getLong("edgesDropped");
    threadsDropped = event.getLong("threadsDropped");
    tasksDropped = event.getLong("tasksDropped");
    unmatchedReleases = event.getLong("unmatchedReleases");
    suppressedErrors = event.getLong("suppressedErrors");
  }

  void logsDroppedQueueFull(long count) {
    logsQueueFull.addAndGet(count);
  }

  void logsDroppedExportFailed(long count) {
    logsExportFailed.addAndGet(count);
  }

  void metricsDroppedExportFailed(long count) {
    metricsExportFailed.addAndGet(count);
  }

  /** @return every log record dropped by the exporter so far */
  public long logsDropped() {
    return logsQueueFull.get() + logsExportFailed.get();
  }

  /** @return the observed series of the health metrics, not {@code null} */
  public List<ObservedSeries> series() {
    return List.of(
        new ObservedSeries(LockwatchMetric.AGENT_TABLE_OVERFLOWS, List.of("locks"), () -> locksDropped),
        new ObservedSeries(LockwatchMetric.AGENT_TABLE_OVERFLOWS, List.of("edges"), () -> edgesDropped),
        new ObservedSeries(LockwatchMetric.AGENT_TABLE_OVERFLOWS, List.of("threads"),
            () -> threadsDropped),
        new ObservedSeries(LockwatchMetric.AGENT_TABLE_OVERFLOWS, List.of("tasks"), () -> tasksDropped),
        new ObservedSeries(LockwatchMetric.AGENT_ERRORS, List.of("unmatched_release"),
            () -> unmatchedReleases),
        new ObservedSeries(LockwatchMetric.AGENT_ERRORS, List.of("suppressed"),
            () -> suppressedErrors),
        new ObservedSeries(LockwatchMetric.EXPORTER_DROPPED, List.of(LOGS, QUEUE_FULL),
            logsQueueFull::get),
        new ObservedSeries(LockwatchMetric.EXPORTER_DROPPED, List.of(LOGS, EXPORT_FAILED),
            logsExportFailed::get),
        new ObservedSeries(LockwatchMetric.EXPORTER_DROPPED, List.of(METRICS, EXPORT_FAILED),
            metricsExportFailed::get));
  }

}
