package io.lockwatch.otel.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Turns Lockwatch JFR events into measurements of the {@link LockwatchMetric} catalog on a
 * {@link MetricSink}, with lock and executor names capped by {@link TopNames}.
 *
 * <p>Concurrency: the {@code on*} methods are called from the event stream's dispatch thread
 * only; the observed series may be read from any thread.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class EventMetrics {
  private final MetricSink sink;
  private final TopNames lockNames;
  private final TopNames executorNames;
  private final StalledThreads stalledThreads;
  private final AgentHealth health;

  /**
   * @param sink receives the measurements, not {@code null}
   * @param topNames how many lock and executor names are reported as themselves
   * @param stallThresholdNanos how old a wait must be to count as a stalled thread
   * @param health the health counters to expose, not {@code null}
   */
  public EventMetrics(MetricSink sink, int topNames, long stallThresholdNanos, AgentHealth health) {
    this.sink = sink;
    long rankInterval = Duration.ofSeconds(10).toNanos();
    this.lockNames = new TopNames(topNames, rankInterval);
    this.executorNames = new TopNames(topNames, rankInterval);
    this.stalledThreads = new StalledThreads(stallThresholdNanos);
    this.health = health;
    List<ObservedSeries> observed = new ArrayList<>();
    observed.add(new ObservedSeries(LockwatchMetric.THREADS_STALLED, List.of(),
        () -> stalledThreads.count(System.nanoTime())));
    observed.addAll(health.series());
    sink.observe(observed);
  }

  /** @param event a {@code lockwatch.LockHold} event, not {@code null} */
  public void onLockHold(RecordedEvent event) {
    sink.record(LockwatchMetric.LOCK_HOLD, seconds(event.getDuration()),
        List.of(lockNames.map(event.getString("lockName"), System.nanoTime())));
  }

  /** @param event a {@code lockwatch.LockWait} event, not {@code null} */
  public void onLockWait(RecordedEvent event) {
    sink.record(LockwatchMetric.LOCK_WAIT, seconds(event.getDuration()),
        List.of(lockNames.map(event.getString("lockName"), System.nanoTime())));
  }

  /** @param event a {@code lockwatch.TaskExecution} event, not {@code null} */
  public void onTaskExecution(RecordedEvent event) {
    sink.record(LockwatchMetric.EXECUTOR_QUEUE_DELAY, seconds(event.getDuration("queueDelay")),
        List.of(executorNames.map(event.getString("executorName"), System.nanoTime())));
  }

  /** @param event a {@code lockwatch.ExecutorSubmit} event, not {@code null} */
  public void onExecutorSubmit(RecordedEvent event) {
    sink.record(LockwatchMetric.EXECUTOR_SUBMISSIONS_UNDER_LOCK, 1,
        List.of(executorNames.map(event.getString("executorName"), System.nanoTime())));
  }

  /** @param event a {@code lockwatch.InFlight} event, not {@code null} */
  public void onInFlight(RecordedEvent event) {
    stalledThreads.onInFlight(event, System.nanoTime());
  }

  /** @param event a {@code lockwatch.RuntimeHealth} event, not {@code null} */
  public void onRuntimeHealth(RecordedEvent event) {
    health.onRuntimeHealth(event);
  }

  /**
   * Counts a finding once, on its first part when new, and tracks open stalls.
   *
   * @param event a {@code lockwatch.Finding} event, not {@code null}
   */
  public void onFinding(RecordedEvent event) {
    String type = event.getString("type");
    String status = event.getString("status");
    if ("new".equals(status) && event.getInt("part") == 0) {
      sink.record(LockwatchMetric.FINDINGS, 1,
          List.of(orUnknown(type), orUnknown(event.getString("severity"))));
    }
    if ("STALL".equals(type)) {
      stalledThreads.onStallFinding(String.valueOf(event.getString("findingId")), status,
          event.getLong("threadId"));
    }
  }

  /**
   * Counts a new finding exported at exit without its event (see {@link UnconfirmedFindings}).
   * Safe from any thread: it only records into the sink.
   *
   * @param finding the finding, not {@code null}
   */
  public void countExitFinding(Finding finding) {
    if ("new".equals(finding.status())) {
      sink.record(LockwatchMetric.FINDINGS, 1,
          List.of(orUnknown(finding.type()), orUnknown(finding.severity())));
    }
  }

  private static String orUnknown(String value) {
    return value == null || value.isEmpty() ? TopNames.UNKNOWN : value;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  @Override
  public String toString() {
    return "EventMetrics{locks=" + lockNames + ", executors=" + executorNames + ", "
        + stalledThreads + "}";
  }
}
